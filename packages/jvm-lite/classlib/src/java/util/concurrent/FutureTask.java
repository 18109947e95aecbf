package java.util.concurrent;

/** A cancellable computation whose result get() waits for. */
public class FutureTask<V> implements RunnableFuture<V> {
    private static final int NEW = 0, RUNNING = 1, NORMAL = 2, EXCEPTIONAL = 3, CANCELLED = 4;

    private Callable<V> callable;
    private int state = NEW;
    private Object outcome;
    private Thread runner;

    public FutureTask(Callable<V> callable) {
        if (callable == null) throw new NullPointerException();
        this.callable = callable;
    }

    public FutureTask(Runnable runnable, V result) {
        if (runnable == null) throw new NullPointerException();
        this.callable = () -> {
            runnable.run();
            return result;
        };
    }

    public synchronized boolean isCancelled() {
        return state == CANCELLED;
    }

    public synchronized boolean isDone() {
        return state >= NORMAL;
    }

    public boolean cancel(boolean mayInterruptIfRunning) {
        Thread t;
        synchronized (this) {
            if (state >= NORMAL) return false;
            t = runner;
            state = CANCELLED;
            notifyAll();
        }
        if (mayInterruptIfRunning && t != null) t.interrupt();
        done();
        return true;
    }

    @SuppressWarnings("unchecked")
    private V report() throws ExecutionException {
        if (state == NORMAL) return (V) outcome;
        if (state == CANCELLED) throw new CancellationException();
        throw new ExecutionException((Throwable) outcome);
    }

    public synchronized V get() throws InterruptedException, ExecutionException {
        while (state < NORMAL) wait();
        return report();
    }

    public synchronized V get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.currentTimeMillis() + unit.toMillis(timeout);
        while (state < NORMAL) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) throw new TimeoutException();
            wait(left);
        }
        return report();
    }

    protected void done() {
    }

    protected void set(V v) {
        synchronized (this) {
            if (state >= NORMAL) return;
            outcome = v;
            state = NORMAL;
            notifyAll();
        }
        done();
    }

    protected void setException(Throwable t) {
        synchronized (this) {
            if (state >= NORMAL) return;
            outcome = t;
            state = EXCEPTIONAL;
            notifyAll();
        }
        done();
    }

    public void run() {
        Callable<V> c;
        synchronized (this) {
            if (state != NEW) return;
            state = RUNNING;
            runner = Thread.currentThread();
            c = callable;
        }
        try {
            V result;
            try {
                result = c.call();
            } catch (Throwable ex) {
                setException(ex);
                return;
            }
            set(result);
        } finally {
            synchronized (this) {
                runner = null;
            }
        }
    }

    public String toString() {
        String status;
        synchronized (this) {
            switch (state) {
                case NORMAL -> status = "[Completed normally]";
                case EXCEPTIONAL -> status = "[Completed exceptionally: " + outcome + "]";
                case CANCELLED -> status = "[Cancelled]";
                default -> status = callable == null ? "[Not completed]" : "[Not completed, task = " + callable + "]";
            }
        }
        return super.toString() + status;
    }
}
