/** An exception escaping a non-main thread is printed with the thread's name; main still exits 0. */
public class UncaughtInThread {
    static class Worker extends Thread {
        Worker(String name) { super(name); }
        @Override public void run() {
            System.out.println(getName() + " running");
            int[] data = new int[2];
            int i = 2;
            data[i] = 1;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Thread t = new Worker("worker-1");
        t.start();
        t.join();
        System.out.println("main continues after worker died");
        Thread t2 = new Worker("worker-2");
        t2.setUncaughtExceptionHandler((th, e) -> System.out.println("handler got " + e.getMessage() + " from " + th.getName()));
        t2.start();
        t2.join();
        System.out.println("main done");
    }
}
