package java.util.concurrent;

import java.util.AbstractQueue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A thread pool running tasks when they are due. Tasks wait in a queue ordered by due time (then
 * submission order), so with one thread they run in time order. As in the JDK by default, delayed
 * tasks still run after shutdown() while periodic tasks stop; a periodic task that throws stops
 * repeating and its future reports the exception.
 */
public class ScheduledThreadPoolExecutor extends ThreadPoolExecutor implements ScheduledExecutorService {
    private static final AtomicLong sequencer = new AtomicLong();

    public ScheduledThreadPoolExecutor(int corePoolSize) {
        super(corePoolSize, Integer.MAX_VALUE, 10L, TimeUnit.MILLISECONDS, new DelayedWorkQueue());
    }

    public ScheduledThreadPoolExecutor(int corePoolSize, ThreadFactory threadFactory) {
        super(corePoolSize, Integer.MAX_VALUE, 10L, TimeUnit.MILLISECONDS, new DelayedWorkQueue(), threadFactory);
    }

    private final class ScheduledTask<V> extends FutureTask<V> implements ScheduledFuture<V> {
        private final Callable<V> callable;
        private long time;
        /** 0: one shot; > 0: fixed rate; < 0: fixed delay (nanoseconds). */
        private final long period;
        private final long seq = sequencer.getAndIncrement();

        ScheduledTask(Callable<V> callable, long time, long period) {
            super(callable);
            this.callable = callable;
            this.time = time;
            this.period = period;
        }

        public long getDelay(TimeUnit unit) {
            return unit.convert(time - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        public int compareTo(Delayed other) {
            if (other == this) return 0;
            if (other instanceof ScheduledTask<?> x) {
                long diff = time - x.time;
                if (diff < 0) return -1;
                if (diff > 0) return 1;
                return seq < x.seq ? -1 : 1;
            }
            long d = getDelay(TimeUnit.NANOSECONDS) - other.getDelay(TimeUnit.NANOSECONDS);
            return (d < 0) ? -1 : (d > 0) ? 1 : 0;
        }

        boolean isPeriodic() {
            return period != 0;
        }

        public void run() {
            if (!isPeriodic()) {
                super.run();
                return;
            }
            if (isDone()) return;
            try {
                callable.call();
            } catch (Throwable ex) {
                setException(ex);
                return;
            }
            if (isShutdown()) {
                cancel(false);
                return;
            }
            time = period > 0 ? time + period : System.nanoTime() - period;
            getQueue().offer(this);
        }
    }

    private void delayedExecute(ScheduledTask<?> task) {
        if (isShutdown()) throw new RejectedExecutionException("Task " + task + " rejected from " + this);
        getQueue().offer(task);
        prestartWorker();
    }

    private static long triggerTime(long delay, TimeUnit unit) {
        return System.nanoTime() + unit.toNanos(Math.max(delay, 0));
    }

    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        if (command == null || unit == null) throw new NullPointerException();
        ScheduledTask<Object> t = new ScheduledTask<>(Executors.callable(command), triggerTime(delay, unit), 0);
        delayedExecute(t);
        return t;
    }

    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        if (callable == null || unit == null) throw new NullPointerException();
        ScheduledTask<V> t = new ScheduledTask<>(callable, triggerTime(delay, unit), 0);
        delayedExecute(t);
        return t;
    }

    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        if (command == null || unit == null) throw new NullPointerException();
        if (period <= 0L) throw new IllegalArgumentException();
        ScheduledTask<Object> t = new ScheduledTask<>(Executors.callable(command), triggerTime(initialDelay, unit), unit.toNanos(period));
        delayedExecute(t);
        return t;
    }

    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        if (command == null || unit == null) throw new NullPointerException();
        if (delay <= 0L) throw new IllegalArgumentException();
        ScheduledTask<Object> t = new ScheduledTask<>(Executors.callable(command), triggerTime(initialDelay, unit), -unit.toNanos(delay));
        delayedExecute(t);
        return t;
    }

    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    public Future<?> submit(Runnable task) {
        return schedule(task, 0, TimeUnit.NANOSECONDS);
    }

    public <T> Future<T> submit(Runnable task, T result) {
        return schedule(Executors.callable(task, result), 0, TimeUnit.NANOSECONDS);
    }

    public <T> Future<T> submit(Callable<T> task) {
        return schedule(task, 0, TimeUnit.NANOSECONDS);
    }

    /** Periodic tasks stop at shutdown; delayed one-shot tasks still run. */
    public void shutdown() {
        DelayedWorkQueue q = (DelayedWorkQueue) getQueue();
        for (Runnable r : q.snapshot()) {
            if (r instanceof ScheduledTask<?> t && t.isPeriodic()) {
                q.remove(t);
                t.cancel(false);
            }
        }
        super.shutdown();
    }

    /** A BlockingQueue of scheduled tasks whose take/poll hand out only due tasks. */
    static final class DelayedWorkQueue extends AbstractQueue<Runnable> implements BlockingQueue<Runnable> {
        private final PriorityQueue<Delayed> queue = new PriorityQueue<>();

        synchronized List<Runnable> snapshot() {
            List<Runnable> out = new ArrayList<>();
            for (Delayed d : queue) out.add((Runnable) d);
            return out;
        }

        public synchronized boolean offer(Runnable r) {
            queue.offer((Delayed) r);
            notifyAll();
            return true;
        }

        public void put(Runnable r) {
            offer(r);
        }

        public boolean offer(Runnable r, long timeout, TimeUnit unit) {
            return offer(r);
        }

        private Runnable takeDue() {
            Delayed head = queue.peek();
            if (head == null || head.getDelay(TimeUnit.NANOSECONDS) > 0) return null;
            return (Runnable) queue.poll();
        }

        public synchronized Runnable poll() {
            return takeDue();
        }

        public synchronized Runnable take() throws InterruptedException {
            for (;;) {
                Runnable r = takeDue();
                if (r != null) return r;
                Delayed head = queue.peek();
                if (head == null) wait();
                else wait(Math.max(1, head.getDelay(TimeUnit.MILLISECONDS)));
            }
        }

        public synchronized Runnable poll(long timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.currentTimeMillis() + unit.toMillis(timeout);
            for (;;) {
                Runnable r = takeDue();
                if (r != null) return r;
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) return null;
                Delayed head = queue.peek();
                long wait = head == null ? left : Math.min(left, Math.max(1, head.getDelay(TimeUnit.MILLISECONDS)));
                wait(wait);
            }
        }

        public synchronized Runnable peek() {
            return (Runnable) queue.peek();
        }

        public synchronized int size() {
            return queue.size();
        }

        public synchronized boolean isEmpty() {
            return queue.isEmpty();
        }

        public int remainingCapacity() {
            return Integer.MAX_VALUE;
        }

        public synchronized boolean remove(Object o) {
            return queue.remove(o);
        }

        public synchronized boolean contains(Object o) {
            return queue.contains(o);
        }

        public synchronized void clear() {
            queue.clear();
        }

        public Iterator<Runnable> iterator() {
            return snapshot().iterator();
        }

        public int drainTo(Collection<? super Runnable> c) {
            return drainTo(c, Integer.MAX_VALUE);
        }

        public synchronized int drainTo(Collection<? super Runnable> c, int maxElements) {
            int n = 0;
            Runnable r;
            while (n < maxElements && (r = takeDue()) != null) {
                c.add(r);
                n++;
            }
            return n;
        }
    }
}
