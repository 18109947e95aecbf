package java.util.concurrent;

import java.util.AbstractQueue;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.PriorityQueue;

/**
 * An unbounded blocking priority queue: a PriorityQueue (the same heap layout, so toString and
 * iteration match) under one monitor, with take() waiting for an element. Iterators work on a
 * snapshot.
 */
public class PriorityBlockingQueue<E> extends AbstractQueue<E> implements BlockingQueue<E>, java.io.Serializable {
    private final PriorityQueue<E> q;

    public PriorityBlockingQueue() {
        q = new PriorityQueue<>();
    }

    public PriorityBlockingQueue(int initialCapacity) {
        q = new PriorityQueue<>(initialCapacity);
    }

    public PriorityBlockingQueue(int initialCapacity, Comparator<? super E> comparator) {
        q = new PriorityQueue<>(initialCapacity, comparator);
    }

    public PriorityBlockingQueue(Collection<? extends E> c) {
        q = new PriorityQueue<>(c);
    }

    public synchronized boolean offer(E e) {
        boolean r = q.offer(e);
        notifyAll();
        return r;
    }

    public void put(E e) {
        offer(e);
    }

    public boolean offer(E e, long timeout, TimeUnit unit) {
        return offer(e);
    }

    public synchronized E poll() {
        return q.poll();
    }

    public synchronized E take() throws InterruptedException {
        while (q.isEmpty()) wait();
        return q.poll();
    }

    public synchronized E poll(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.currentTimeMillis() + unit.toMillis(timeout);
        while (q.isEmpty()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) return null;
            wait(left);
        }
        return q.poll();
    }

    public synchronized E peek() {
        return q.peek();
    }

    public Comparator<? super E> comparator() {
        return q.comparator();
    }

    public synchronized int size() {
        return q.size();
    }

    public int remainingCapacity() {
        return Integer.MAX_VALUE;
    }

    public synchronized boolean remove(Object o) {
        return q.remove(o);
    }

    public synchronized boolean contains(Object o) {
        return q.contains(o);
    }

    public synchronized Object[] toArray() {
        return q.toArray();
    }

    public synchronized <T> T[] toArray(T[] a) {
        return q.toArray(a);
    }

    public synchronized String toString() {
        return q.toString();
    }

    public synchronized void clear() {
        q.clear();
    }

    public int drainTo(Collection<? super E> c) {
        return drainTo(c, Integer.MAX_VALUE);
    }

    public synchronized int drainTo(Collection<? super E> c, int maxElements) {
        if (c == this) throw new IllegalArgumentException();
        int n = 0;
        while (n < maxElements && !q.isEmpty()) {
            c.add(q.poll());
            n++;
        }
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
                PriorityBlockingQueue.this.remove(snapshot[last]);
                last = -1;
            }
        };
    }
}
