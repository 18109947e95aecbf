package java.util.concurrent;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * jvm-lite's ForkJoinPool: a pool of daemon worker threads fed from one queue (no work
 * stealing; jvm-lite schedules its threads itself). The common pool, used by CompletableFuture's
 * async methods, names its workers "ForkJoinPool.commonPool-worker-N" and does not keep the VM
 * alive, as in the JDK.
 */
public class ForkJoinPool extends AbstractExecutorService {
    private static final ForkJoinPool COMMON = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), "ForkJoinPool.commonPool-worker-", true);
    private static final AtomicInteger poolIds = new AtomicInteger(1);

    private final ThreadPoolExecutor workers;
    private final int parallelism;

    public ForkJoinPool() {
        this(Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public ForkJoinPool(int parallelism) {
        this(parallelism, "ForkJoinPool-" + poolIds.getAndIncrement() + "-worker-", false);
    }

    private ForkJoinPool(int parallelism, String prefix, boolean common) {
        if (parallelism <= 0) throw new IllegalArgumentException();
        this.parallelism = parallelism;
        AtomicInteger n = new AtomicInteger(1);
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, prefix + n.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
        workers = new ThreadPoolExecutor(parallelism, parallelism, 60L, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
        if (common) workers.allowCoreThreadTimeOut(true);
    }

    public static ForkJoinPool commonPool() {
        return COMMON;
    }

    public static int getCommonPoolParallelism() {
        return COMMON.parallelism;
    }

    public int getParallelism() {
        return parallelism;
    }

    public void execute(Runnable task) {
        workers.execute(task);
    }

    public void shutdown() {
        if (this != COMMON) workers.shutdown();
    }

    public java.util.List<Runnable> shutdownNow() {
        return this == COMMON ? new java.util.ArrayList<>() : workers.shutdownNow();
    }

    public boolean isShutdown() {
        return workers.isShutdown();
    }

    public boolean isTerminated() {
        return workers.isTerminated();
    }

    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        if (this == COMMON) return false;
        return workers.awaitTermination(timeout, unit);
    }

    /** Waits until the pool has no queued or running task (within the timeout). */
    public boolean awaitQuiescence(long timeout, TimeUnit unit) {
        long deadline = System.currentTimeMillis() + unit.toMillis(timeout);
        while (System.currentTimeMillis() < deadline) {
            if (workers.getQueue().isEmpty() && workers.getActiveCount() == 0) return true;
            Thread.yield();
        }
        return false;
    }
}
