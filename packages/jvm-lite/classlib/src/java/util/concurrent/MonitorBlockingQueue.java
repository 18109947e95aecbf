package java.util.concurrent;

import java.util.AbstractQueue;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;

/**
 * The body ArrayBlockingQueue and LinkedBlockingQueue share: a FIFO BlockingQueue of at most
 * `capacity` elements. One monitor guards it (jvm-lite's threads are scheduled by the VM, so a
 * single lock costs nothing in parallelism); iteration works on a snapshot, so it is weakly
 * consistent as the JDK's. The two public classes differ only in their constructors.
 */
abstract class MonitorBlockingQueue<E> extends AbstractQueue<E> implements BlockingQueue<E>, java.io.Serializable {
    private final int capacity;
    private final ArrayDeque<E> items = new ArrayDeque<>();

    MonitorBlockingQueue(int capacity) {
        if (capacity <= 0) throw new IllegalArgumentException();
        this.capacity = capacity;
    }

    public synchronized int size() {
        return items.size();
    }

    public synchronized int remainingCapacity() {
        return capacity - items.size();
    }

    public synchronized void put(E e) throws InterruptedException {
        if (e == null) throw new NullPointerException();
        while (items.size() >= capacity) wait();
        items.addLast(e);
        notifyAll();
    }

    public synchronized boolean offer(E e, long timeout, TimeUnit unit) throws InterruptedException {
        if (e == null) throw new NullPointerException();
        long deadline = System.currentTimeMillis() + unit.toMillis(timeout);
        while (items.size() >= capacity) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) return false;
            wait(left);
        }
        items.addLast(e);
        notifyAll();
        return true;
    }

    public synchronized boolean offer(E e) {
        if (e == null) throw new NullPointerException();
        if (items.size() >= capacity) return false;
        items.addLast(e);
        notifyAll();
        return true;
    }

    public synchronized E take() throws InterruptedException {
        while (items.isEmpty()) wait();
        E x = items.pollFirst();
        notifyAll();
        return x;
    }

    public synchronized E poll(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.currentTimeMillis() + unit.toMillis(timeout);
        while (items.isEmpty()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) return null;
            wait(left);
        }
        E x = items.pollFirst();
        notifyAll();
        return x;
    }

    public synchronized E poll() {
        E x = items.pollFirst();
        if (x != null) notifyAll();
        return x;
    }

    public synchronized E peek() {
        return items.peekFirst();
    }

    public synchronized boolean remove(Object o) {
        boolean removed = items.removeFirstOccurrence(o);
        if (removed) notifyAll();
        return removed;
    }

    public synchronized boolean contains(Object o) {
        return items.contains(o);
    }

    public synchronized Object[] toArray() {
        return items.toArray();
    }

    public synchronized <T> T[] toArray(T[] a) {
        return items.toArray(a);
    }

    public synchronized String toString() {
        return items.toString();
    }

    public synchronized void clear() {
        items.clear();
        notifyAll();
    }

    public int drainTo(Collection<? super E> c) {
        return drainTo(c, Integer.MAX_VALUE);
    }

    public synchronized int drainTo(Collection<? super E> c, int maxElements) {
        if (c == this) throw new IllegalArgumentException();
        int n = 0;
        while (n < maxElements && !items.isEmpty()) {
            c.add(items.pollFirst());
            n++;
        }
        if (n > 0) notifyAll();
        return n;
    }

    @SuppressWarnings("unchecked")
    public Iterator<E> iterator() {
        Object[] snapshot = toArray();
        return new Iterator<E>() {
            int i = 0;
            int last = -1;

            public boolean hasNext() {
                return i < snapshot.length;
            }

            public E next() {
                if (i >= snapshot.length) throw new java.util.NoSuchElementException();
                last = i;
                return (E) snapshot[i++];
            }

            public void remove() {
                if (last < 0) throw new IllegalStateException();
                MonitorBlockingQueue.this.remove(snapshot[last]);
                last = -1;
            }
        };
    }
}
