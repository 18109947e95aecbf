package java.util.concurrent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * A pool of worker threads fed from a queue. As in the JDK: execute() starts a new worker (with the
 * task as its first task) while fewer than corePoolSize run, else queues the task, else starts a
 * worker up to maximumPoolSize, else rejects; idle workers beyond the core size leave after
 * keepAliveTime. Workers are named by the thread factory (Executors: "pool-N-thread-M").
 */
public class ThreadPoolExecutor extends AbstractExecutorService {
    private final BlockingQueue<Runnable> workQueue;
    private final HashSet<Worker> workers = new HashSet<>();
    private final Object mainLock = new Object();
    private volatile ThreadFactory threadFactory;
    private volatile int corePoolSize;
    private volatile int maximumPoolSize;
    private volatile long keepAliveMillis;
    private volatile boolean allowCoreThreadTimeOut;
    private boolean shutdown;
    private int active;
    private boolean terminated;
    private long completedTaskCount;
    private int largestPoolSize;
    private final RejectedExecutionHandler handler;

    public static class AbortPolicy implements RejectedExecutionHandler {
        public void rejectedExecution(Runnable r, ThreadPoolExecutor e) {
            throw new RejectedExecutionException("Task " + r.toString() + " rejected from " + e.toString());
        }
    }

    public static class CallerRunsPolicy implements RejectedExecutionHandler {
        public void rejectedExecution(Runnable r, ThreadPoolExecutor e) {
            if (!e.isShutdown()) r.run();
        }
    }

    public static class DiscardPolicy implements RejectedExecutionHandler {
        public void rejectedExecution(Runnable r, ThreadPoolExecutor e) {
        }
    }

    public ThreadPoolExecutor(int corePoolSize, int maximumPoolSize, long keepAliveTime, TimeUnit unit, BlockingQueue<Runnable> workQueue) {
        this(corePoolSize, maximumPoolSize, keepAliveTime, unit, workQueue, Executors.defaultThreadFactory(), new AbortPolicy());
    }

    public ThreadPoolExecutor(int corePoolSize, int maximumPoolSize, long keepAliveTime, TimeUnit unit, BlockingQueue<Runnable> workQueue, ThreadFactory threadFactory) {
        this(corePoolSize, maximumPoolSize, keepAliveTime, unit, workQueue, threadFactory, new AbortPolicy());
    }

    public ThreadPoolExecutor(int corePoolSize, int maximumPoolSize, long keepAliveTime, TimeUnit unit, BlockingQueue<Runnable> workQueue, ThreadFactory threadFactory, RejectedExecutionHandler handler) {
        if (corePoolSize < 0 || maximumPoolSize <= 0 || maximumPoolSize < corePoolSize || keepAliveTime < 0) throw new IllegalArgumentException();
        if (workQueue == null || threadFactory == null || handler == null) throw new NullPointerException();
        this.corePoolSize = corePoolSize;
        this.maximumPoolSize = maximumPoolSize;
        this.workQueue = workQueue;
        this.keepAliveMillis = unit.toMillis(keepAliveTime);
        this.threadFactory = threadFactory;
        this.handler = handler;
    }

    private final class Worker implements Runnable {
        Runnable firstTask;
        Thread thread;
        long completed;

        Worker(Runnable firstTask) {
            this.firstTask = firstTask;
        }

        public void run() {
            runWorker(this);
        }
    }

    public void execute(Runnable command) {
        if (command == null) throw new NullPointerException();
        synchronized (mainLock) {
            if (!shutdown) {
                if (workers.size() < corePoolSize) {
                    addWorker(command);
                    return;
                }
                if (workQueue.offer(command)) {
                    if (workers.isEmpty()) addWorker(null);
                    return;
                }
                if (workers.size() < maximumPoolSize) {
                    addWorker(command);
                    return;
                }
            }
        }
        handler.rejectedExecution(command, this);
    }

    /** Starts a worker without a first task if fewer than corePoolSize run (scheduled pools). */
    void prestartWorker() {
        synchronized (mainLock) {
            if (!shutdown && workers.size() < Math.max(1, corePoolSize)) addWorker(null);
        }
    }

    private void addWorker(Runnable firstTask) {
        Worker w = new Worker(firstTask);
        Thread t = threadFactory.newThread(w);
        w.thread = t;
        workers.add(w);
        if (workers.size() > largestPoolSize) largestPoolSize = workers.size();
        t.start();
    }

    private Runnable getTask(Worker w) {
        for (;;) {
            boolean timed;
            synchronized (mainLock) {
                if (shutdown && workQueue.isEmpty()) return null;
                timed = allowCoreThreadTimeOut || workers.size() > corePoolSize;
            }
            Runnable r;
            try {
                r = timed ? workQueue.poll(keepAliveMillis, TimeUnit.MILLISECONDS) : pollUntilShutdown();
            } catch (InterruptedException e) {
                r = null;
            }
            if (r != null) return r;
            synchronized (mainLock) {
                if (timed || (shutdown && workQueue.isEmpty())) return null;
            }
        }
    }

    /** take() that also wakes up when the pool shuts down. */
    private Runnable pollUntilShutdown() throws InterruptedException {
        for (;;) {
            Runnable r = workQueue.poll(50, TimeUnit.MILLISECONDS);
            if (r != null) return r;
            synchronized (mainLock) {
                if (shutdown) return null;
            }
        }
    }

    final void runWorker(Worker w) {
        Runnable task = w.firstTask;
        w.firstTask = null;
        try {
            while (task != null || (task = getTask(w)) != null) {
                synchronized (mainLock) {
                    active++;
                }
                beforeExecute(w.thread, task);
                Throwable thrown = null;
                try {
                    task.run();
                } catch (RuntimeException | Error x) {
                    thrown = x;
                    throw x;
                } finally {
                    afterExecute(task, thrown);
                    synchronized (mainLock) {
                        active--;
                    }
                    task = null;
                    w.completed++;
                }
            }
        } finally {
            synchronized (mainLock) {
                completedTaskCount += w.completed;
                workers.remove(w);
                if (shutdown && workers.isEmpty()) {
                    terminated = true;
                    mainLock.notifyAll();
                    terminated();
                }
            }
        }
    }

    protected void beforeExecute(Thread t, Runnable r) {
    }

    protected void afterExecute(Runnable r, Throwable t) {
    }

    protected void terminated() {
    }

    public void shutdown() {
        synchronized (mainLock) {
            shutdown = true;
            if (workers.isEmpty()) {
                terminated = true;
                mainLock.notifyAll();
            }
        }
    }

    public List<Runnable> shutdownNow() {
        List<Runnable> pending = new ArrayList<>();
        synchronized (mainLock) {
            shutdown = true;
            workQueue.drainTo(pending);
            for (Worker w : workers) w.thread.interrupt();
            if (workers.isEmpty()) {
                terminated = true;
                mainLock.notifyAll();
            }
        }
        return pending;
    }

    public boolean isShutdown() {
        synchronized (mainLock) {
            return shutdown;
        }
    }

    public boolean isTerminated() {
        synchronized (mainLock) {
            return terminated;
        }
    }

    public boolean isTerminating() {
        synchronized (mainLock) {
            return shutdown && !terminated;
        }
    }

    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.currentTimeMillis() + unit.toMillis(timeout);
        synchronized (mainLock) {
            while (!terminated) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) return false;
                mainLock.wait(left);
            }
            return true;
        }
    }

    /** Workers currently running a task. */
    public int getActiveCount() {
        synchronized (mainLock) {
            return active;
        }
    }

    public int getPoolSize() {
        synchronized (mainLock) {
            return workers.size();
        }
    }

    public int getLargestPoolSize() {
        synchronized (mainLock) {
            return largestPoolSize;
        }
    }

    public int getCorePoolSize() {
        return corePoolSize;
    }

    public void setCorePoolSize(int corePoolSize) {
        this.corePoolSize = corePoolSize;
    }

    public int getMaximumPoolSize() {
        return maximumPoolSize;
    }

    public void setMaximumPoolSize(int maximumPoolSize) {
        this.maximumPoolSize = maximumPoolSize;
    }

    public void allowCoreThreadTimeOut(boolean value) {
        allowCoreThreadTimeOut = value;
    }

    public BlockingQueue<Runnable> getQueue() {
        return workQueue;
    }

    public long getCompletedTaskCount() {
        synchronized (mainLock) {
            long n = completedTaskCount;
            for (Worker w : workers) n += w.completed;
            return n;
        }
    }

    public ThreadFactory getThreadFactory() {
        return threadFactory;
    }

    public void setThreadFactory(ThreadFactory threadFactory) {
        this.threadFactory = threadFactory;
    }
}
