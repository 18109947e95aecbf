/** Timing a sleep and a timed wait with the Java clocks: at least the requested duration elapses. */
public class Clock { public static void main(String[] a) throws Exception {
  long t0 = System.currentTimeMillis(); long n0 = System.nanoTime(); Thread.sleep(150);
  long dt = System.currentTimeMillis() - t0; long dn = (System.nanoTime() - n0) / 1000000;
  System.out.println((dt >= 150) + " " + (dn >= 150) + " " + (dt < 5000));
  Object lock = new Object(); long t1 = System.nanoTime(); synchronized (lock) { lock.wait(80); } System.out.println((System.nanoTime() - t1) / 1000000 >= 80);
}}
