package java.util.concurrent.locks;

import java.util.HashMap;
import java.util.concurrent.TimeUnit;

/** Shared read lock and exclusive write lock; the writer may also read (downgrading). Reentrant. */
public class ReentrantReadWriteLock implements ReadWriteLock, java.io.Serializable {
    private final Object sync = new Object();
    private Thread writer;
    private int writeHolds;
    private final HashMap<Thread, Integer> readers = new HashMap<>();
    private int readHolds;
    private final ReadLock readerLock = new ReadLock();
    private final WriteLock writerLock = new WriteLock();

    public ReentrantReadWriteLock() {
    }

    public ReentrantReadWriteLock(boolean fair) {
    }

    public ReentrantReadWriteLock.WriteLock writeLock() {
        return writerLock;
    }

    public ReentrantReadWriteLock.ReadLock readLock() {
        return readerLock;
    }

    public int getReadLockCount() {
        synchronized (sync) {
            return readHolds;
        }
    }

    public boolean isWriteLocked() {
        synchronized (sync) {
            return writer != null;
        }
    }

    public class ReadLock implements Lock, java.io.Serializable {
        private boolean canRead(Thread me) {
            return writer == null || writer == me;
        }

        public void lock() {
            synchronized (sync) {
                Thread me = Thread.currentThread();
                while (!canRead(me)) {
                    try {
                        sync.wait();
                    } catch (InterruptedException e) {
                        me.interrupt();
                    }
                }
                readers.merge(me, 1, Integer::sum);
                readHolds++;
            }
        }

        public void lockInterruptibly() throws InterruptedException {
            synchronized (sync) {
                Thread me = Thread.currentThread();
                while (!canRead(me)) sync.wait();
                readers.merge(me, 1, Integer::sum);
                readHolds++;
            }
        }

        public boolean tryLock() {
            synchronized (sync) {
                Thread me = Thread.currentThread();
                if (!canRead(me)) return false;
                readers.merge(me, 1, Integer::sum);
                readHolds++;
                return true;
            }
        }

        public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.currentTimeMillis() + unit.toMillis(timeout);
            synchronized (sync) {
                Thread me = Thread.currentThread();
                while (!canRead(me)) {
                    long left = deadline - System.currentTimeMillis();
                    if (left <= 0) return false;
                    sync.wait(left);
                }
                readers.merge(me, 1, Integer::sum);
                readHolds++;
                return true;
            }
        }

        public void unlock() {
            synchronized (sync) {
                Thread me = Thread.currentThread();
                Integer n = readers.get(me);
                if (n == null) throw new IllegalMonitorStateException("attempt to unlock read lock, not locked by current thread");
                if (n == 1) readers.remove(me);
                else readers.put(me, n - 1);
                readHolds--;
                sync.notifyAll();
            }
        }

        public Condition newCondition() {
            throw new UnsupportedOperationException();
        }
    }

    public class WriteLock implements Lock, java.io.Serializable {
        private boolean canWrite(Thread me) {
            if (writer == me) return true;
            return writer == null && readHolds == 0;
        }

        public void lock() {
            synchronized (sync) {
                Thread me = Thread.currentThread();
                while (!canWrite(me)) {
                    try {
                        sync.wait();
                    } catch (InterruptedException e) {
                        me.interrupt();
                    }
                }
                writer = me;
                writeHolds++;
            }
        }

        public void lockInterruptibly() throws InterruptedException {
            synchronized (sync) {
                Thread me = Thread.currentThread();
                while (!canWrite(me)) sync.wait();
                writer = me;
                writeHolds++;
            }
        }

        public boolean tryLock() {
            synchronized (sync) {
                Thread me = Thread.currentThread();
                if (!canWrite(me)) return false;
                writer = me;
                writeHolds++;
                return true;
            }
        }

        public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.currentTimeMillis() + unit.toMillis(timeout);
            synchronized (sync) {
                Thread me = Thread.currentThread();
                while (!canWrite(me)) {
                    long left = deadline - System.currentTimeMillis();
                    if (left <= 0) return false;
                    sync.wait(left);
                }
                writer = me;
                writeHolds++;
                return true;
            }
        }

        public void unlock() {
            synchronized (sync) {
                if (writer != Thread.currentThread()) throw new IllegalMonitorStateException();
                if (--writeHolds == 0) {
                    writer = null;
                    sync.notifyAll();
                }
            }
        }

        public Condition newCondition() {
            throw new UnsupportedOperationException("conditions of read-write locks are not supported by jvm-lite");
        }

        public boolean isHeldByCurrentThread() {
            synchronized (sync) {
                return writer == Thread.currentThread();
            }
        }
    }
}
