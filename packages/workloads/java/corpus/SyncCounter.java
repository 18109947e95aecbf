/** synchronized methods and blocks: four threads increment shared counters; totals are exact. */
public class SyncCounter {
    private int count = 0;
    private static long staticCount = 0;
    private final Object lock = new Object();
    private long blockCount = 0;

    synchronized void inc() { count++; }
    static synchronized void incStatic() { staticCount++; }
    void incBlock() { synchronized (lock) { blockCount += 2; } }

    public static void main(String[] args) throws InterruptedException {
        SyncCounter c = new SyncCounter();
        Thread[] ts = new Thread[4];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = new Thread(() -> {
                for (int j = 0; j < 20000; j++) {
                    c.inc();
                    incStatic();
                    c.incBlock();
                }
            });
        }
        for (Thread t : ts) t.start();
        for (Thread t : ts) t.join();
        System.out.println("count " + c.count + " static " + staticCount + " block " + c.blockCount);
        Object mon = new Object();
        synchronized (mon) {
            synchronized (mon) {
                System.out.println("reentrant lock ok " + Thread.holdsLock(mon));
            }
        }
        System.out.println("holds after " + Thread.holdsLock(mon));
        try {
            mon.notify();
        } catch (IllegalMonitorStateException e) {
            System.out.println("IllegalMonitorStateException caught");
        }
        int[] shared = new int[1];
        Runnable r = () -> {
            for (int i = 0; i < 1000; i++) {
                synchronized (shared) {
                    shared[0]++;
                    if (shared[0] % 1000 == 0) shared[0] += 0;
                }
            }
        };
        Thread a = new Thread(r), b = new Thread(r);
        a.start(); b.start();
        a.join(); b.join();
        System.out.println("shared " + shared[0]);
        try {
            synchronized (c) { throw new IllegalStateException("thrown while locked"); }
        } catch (IllegalStateException e) {
            System.out.println(e.getMessage() + ", lock released: " + !Thread.holdsLock(c));
        }
    }
}
