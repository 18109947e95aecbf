package java.util.concurrent.locks;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * A reentrant mutual-exclusion lock with conditions. The lock state, its waiters and every
 * condition's wait queue live under one monitor (sync), so a signal can never be lost between
 * releasing the lock and starting to wait; signal() wakes waiters in FIFO order.
 */
public class ReentrantLock implements Lock, java.io.Serializable {
    private final Object sync = new Object();
    private Thread owner;
    private int holds;
    private final boolean fair;

    public ReentrantLock() {
        this(false);
    }

    public ReentrantLock(boolean fair) {
        this.fair = fair;
    }

    public void lock() {
        boolean interrupted = false;
        synchronized (sync) {
            Thread me = Thread.currentThread();
            while (owner != null && owner != me) {
                try {
                    sync.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            owner = me;
            holds++;
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    public void lockInterruptibly() throws InterruptedException {
        synchronized (sync) {
            Thread me = Thread.currentThread();
            if (Thread.interrupted()) throw new InterruptedException();
            while (owner != null && owner != me) sync.wait();
            owner = me;
            holds++;
        }
    }

    public boolean tryLock() {
        synchronized (sync) {
            Thread me = Thread.currentThread();
            if (owner != null && owner != me) return false;
            owner = me;
            holds++;
            return true;
        }
    }

    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.currentTimeMillis() + unit.toMillis(timeout);
        synchronized (sync) {
            Thread me = Thread.currentThread();
            while (owner != null && owner != me) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) return false;
                sync.wait(left);
            }
            owner = me;
            holds++;
            return true;
        }
    }

    public void unlock() {
        synchronized (sync) {
            if (owner != Thread.currentThread()) throw new IllegalMonitorStateException();
            if (--holds == 0) {
                owner = null;
                sync.notifyAll();
            }
        }
    }

    public Condition newCondition() {
        return new ConditionObject();
    }

    public int getHoldCount() {
        synchronized (sync) {
            return owner == Thread.currentThread() ? holds : 0;
        }
    }

    public boolean isHeldByCurrentThread() {
        synchronized (sync) {
            return owner == Thread.currentThread();
        }
    }

    public boolean isLocked() {
        synchronized (sync) {
            return owner != null;
        }
    }

    public final boolean isFair() {
        return fair;
    }

    public String toString() {
        Thread o;
        synchronized (sync) {
            o = owner;
        }
        return super.toString() + ((o == null) ? "[Unlocked]" : "[Locked by thread " + o.getName() + "]");
    }

    /** One waiter of a condition: set when signalled. */
    private static final class Waiter {
        boolean signalled;
    }

    private final class ConditionObject implements Condition, java.io.Serializable {
        private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

        /** Waits (sync held) until signalled or the deadline (0: none); reacquires the lock. */
        private boolean block(long deadline, boolean interruptible) throws InterruptedException {
            Thread me = Thread.currentThread();
            if (owner != me) throw new IllegalMonitorStateException();
            int saved = holds;
            Waiter w = new Waiter();
            waiters.addLast(w);
            owner = null;
            holds = 0;
            sync.notifyAll();
            InterruptedException interrupted = null;
            boolean timedOut = false;
            try {
                while (!w.signalled) {
                    if (deadline != 0) {
                        long left = deadline - System.currentTimeMillis();
                        if (left <= 0) {
                            timedOut = true;
                            break;
                        }
                        sync.wait(left);
                    } else {
                        sync.wait();
                    }
                }
            } catch (InterruptedException e) {
                if (interruptible) interrupted = e;
            }
            if (!w.signalled) waiters.remove(w);
            boolean reinterrupt = false;
            while (owner != null) {
                try {
                    sync.wait();
                } catch (InterruptedException e) {
                    reinterrupt = true;
                }
            }
            owner = me;
            holds = saved;
            if (interrupted != null) throw interrupted;
            if (reinterrupt) me.interrupt();
            return !timedOut;
        }

        public void await() throws InterruptedException {
            synchronized (sync) {
                if (Thread.interrupted()) throw new InterruptedException();
                block(0, true);
            }
        }

        public void awaitUninterruptibly() {
            synchronized (sync) {
                try {
                    block(0, false);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        public long awaitNanos(long nanosTimeout) throws InterruptedException {
            long start = System.nanoTime();
            long ms = Math.max(1, nanosTimeout / 1000000);
            synchronized (sync) {
                block(System.currentTimeMillis() + ms, true);
            }
            return nanosTimeout - (System.nanoTime() - start);
        }

        public boolean await(long time, TimeUnit unit) throws InterruptedException {
            synchronized (sync) {
                return block(System.currentTimeMillis() + Math.max(1, unit.toMillis(time)), true);
            }
        }

        public void signal() {
            synchronized (sync) {
                if (owner != Thread.currentThread()) throw new IllegalMonitorStateException();
                Waiter w = waiters.pollFirst();
                if (w != null) {
                    w.signalled = true;
                    sync.notifyAll();
                }
            }
        }

        public void signalAll() {
            synchronized (sync) {
                if (owner != Thread.currentThread()) throw new IllegalMonitorStateException();
                Waiter w;
                while ((w = waiters.pollFirst()) != null) w.signalled = true;
                sync.notifyAll();
            }
        }
    }
}
