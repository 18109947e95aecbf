package java.lang;

public class Thread implements Runnable {
    public static final int MIN_PRIORITY = 1;
    public static final int NORM_PRIORITY = 5;
    public static final int MAX_PRIORITY = 10;

    private volatile String name;
    private int priority = NORM_PRIORITY;
    private boolean daemon;
    private Runnable target;
    private long tid;
    private UncaughtExceptionHandler uncaughtExceptionHandler;
    private static UncaughtExceptionHandler defaultUncaughtExceptionHandler;
    private static int threadInitNumber;
    private static long threadSeqNumber = 1;
    Object threadLocals;

    @FunctionalInterface
    public interface UncaughtExceptionHandler {
        void uncaughtException(Thread t, Throwable e);
    }

    public enum State { NEW, RUNNABLE, BLOCKED, WAITING, TIMED_WAITING, TERMINATED }

    private static synchronized int nextThreadNum() { return threadInitNumber++; }
    private static synchronized long nextThreadID() { return ++threadSeqNumber; }

    public Thread() { this((Runnable) null, null); }
    public Thread(Runnable target) { this(target, null); }
    public Thread(String name) { this((Runnable) null, name); }
    public Thread(Runnable target, String name) {
        this.target = target;
        this.name = name == null ? "Thread-" + nextThreadNum() : name;
        this.tid = nextThreadID();
        Thread parent = currentThread();
        if (parent != null) {
            this.daemon = parent.daemon;
            this.priority = parent.priority;
        }
    }
    public Thread(ThreadGroup group, Runnable target, String name) { this(target, name); }
    public Thread(ThreadGroup group, String name) { this((Runnable) null, name); }

    public static native Thread currentThread();
    public static native void yield();
    public static native void sleep(long millis) throws InterruptedException;
    public static void sleep(long millis, int nanos) throws InterruptedException {
        if (millis < 0) throw new IllegalArgumentException("timeout value is negative");
        if (nanos > 0 && millis < Long.MAX_VALUE) millis++;
        sleep(millis);
    }
    public static void onSpinWait() {}

    public synchronized void start() {
        if (isStarted()) throw new IllegalThreadStateException();
        start0();
    }
    private native void start0();
    private native boolean isStarted();

    @Override
    public void run() {
        if (target != null) target.run();
    }

    public void interrupt() { interrupt0(); }
    private native void interrupt0();
    public static boolean interrupted() { return currentThread().getAndClearInterrupt(); }
    public native boolean isInterrupted();
    private native boolean getAndClearInterrupt();
    public final native boolean isAlive();

    public final void setPriority(int newPriority) {
        if (newPriority > MAX_PRIORITY || newPriority < MIN_PRIORITY) throw new IllegalArgumentException();
        priority = newPriority;
    }
    public final int getPriority() { return priority; }
    public final synchronized void setName(String name) {
        if (name == null) throw new NullPointerException("name cannot be null");
        this.name = name;
    }
    public final String getName() { return name; }
    public final ThreadGroup getThreadGroup() { return isAlive() ? ThreadGroup.MAIN : null; }

    public final void join(long millis) throws InterruptedException {
        if (millis < 0) throw new IllegalArgumentException("timeout value is negative");
        synchronized (this) {
            if (millis > 0) {
                if (isAlive()) {
                    long startTime = System.nanoTime();
                    long delay = millis;
                    do {
                        wait(delay);
                    } while (isAlive() && (delay = millis - ((System.nanoTime() - startTime) / 1000000)) > 0);
                }
            } else {
                while (isAlive()) wait(0);
            }
        }
    }
    public final void join(long millis, int nanos) throws InterruptedException { join(millis); }
    public final void join() throws InterruptedException { join(0); }

    public final void setDaemon(boolean on) {
        if (isAlive()) throw new IllegalThreadStateException();
        daemon = on;
    }
    public final boolean isDaemon() { return daemon; }
    public long getId() { return tid; }
    public State getState() {
        int s = state0();
        return State.values()[s];
    }
    private native int state0();
    public String toString() { return "Thread[" + getName() + "," + getPriority() + "," + (isAlive() ? "main" : "") + "]"; }
    public StackTraceElement[] getStackTrace() { return new Exception().getStackTrace(); }
    public static native boolean holdsLock(Object obj);

    public static void setDefaultUncaughtExceptionHandler(UncaughtExceptionHandler ueh) { defaultUncaughtExceptionHandler = ueh; }
    public static UncaughtExceptionHandler getDefaultUncaughtExceptionHandler() { return defaultUncaughtExceptionHandler; }
    public UncaughtExceptionHandler getUncaughtExceptionHandler() { return uncaughtExceptionHandler; }
    public void setUncaughtExceptionHandler(UncaughtExceptionHandler ueh) { uncaughtExceptionHandler = ueh; }

    /** Called by the VM when run() (or main) completes abruptly, as in HotSpot. */
    private void dispatchUncaughtException(Throwable e) {
        UncaughtExceptionHandler h = uncaughtExceptionHandler;
        if (h == null) h = defaultUncaughtExceptionHandler;
        if (h != null) {
            h.uncaughtException(this, e);
            return;
        }
        if (!(e instanceof ThreadDeath)) {
            System.err.print("Exception in thread \"" + getName() + "\" ");
            e.printStackTrace(System.err);
        }
    }
}
