/** Green threads: start/join, synchronized, wait/notifyAll, sleep, interrupt, uncaught exception in a thread. */
public class Threads {
    static int counter = 0;
    static final Object lock = new Object();
    static synchronized void inc() { counter++; }
    static class Queue {
        private final int[] buf = new int[4];
        private int head, tail, size;
        synchronized void put(int v) throws InterruptedException {
            while (size == buf.length) wait();
            buf[tail] = v; tail = (tail + 1) % buf.length; size++;
            notifyAll();
        }
        synchronized int take() throws InterruptedException {
            while (size == 0) wait();
            int v = buf[head]; head = (head + 1) % buf.length; size--;
            notifyAll();
            return v;
        }
    }
    public static void main(String[] args) throws Exception {
        Thread[] ts = new Thread[4];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = new Thread(() -> { for (int k = 0; k < 20000; k++) inc(); });
            ts[i].start();
        }
        for (Thread t : ts) t.join();
        System.out.println("counter " + counter);
        Queue q = new Queue();
        Thread producer = new Thread(() -> {
            try { for (int i = 1; i <= 50; i++) q.put(i); q.put(-1); } catch (InterruptedException e) { }
        }, "producer");
        producer.start();
        long sum = 0;
        for (int v; (v = q.take()) != -1; ) sum += v;
        producer.join();
        System.out.println("sum " + sum + " " + producer.getName() + " " + producer.isAlive());
        Thread sleeper = new Thread(() -> {
            try { Thread.sleep(100000); System.out.println("not interrupted"); }
            catch (InterruptedException e) { System.out.println("interrupted: " + e.getMessage() + " " + Thread.currentThread().isInterrupted()); }
        });
        sleeper.start();
        sleeper.interrupt();
        sleeper.join();
        Thread spinner = new Thread(() -> { long x = 0; for (int i = 0; i < 3000000; i++) x += i; System.out.println("spin done " + x); });
        spinner.start();
        Thread.sleep(1);
        spinner.join();
        synchronized (lock) {
            try { lock.notify(); System.out.println("notify ok"); } catch (IllegalMonitorStateException e) { System.out.println(e); }
        }
        try { lock.wait(); } catch (IllegalMonitorStateException e) { System.out.println("IMSE " + e.getMessage()); }
        Thread bad = new Thread("worker-1") { @Override public void run() { throw new IllegalStateException("from thread"); } };
        bad.start();
        bad.join();
        System.out.println("main " + Thread.currentThread().getName() + " done");
    }
}
