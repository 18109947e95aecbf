package java.util.concurrent;

import java.util.AbstractQueue;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.Queue;

/** An unbounded thread-safe FIFO queue; iterators are weakly consistent (snapshots). No nulls. */
public class ConcurrentLinkedQueue<E> extends AbstractQueue<E> implements Queue<E>, java.io.Serializable {
    private final ArrayDeque<E> items = new ArrayDeque<>();

    public ConcurrentLinkedQueue() {
    }

    public ConcurrentLinkedQueue(Collection<? extends E> c) {
        for (E e : c) add(e);
    }

    public synchronized boolean offer(E e) {
        if (e == null) throw new NullPointerException();
        items.addLast(e);
        return true;
    }

    public synchronized E poll() {
        return items.pollFirst();
    }

    public synchronized E peek() {
        return items.peekFirst();
    }

    public synchronized int size() {
        return items.size();
    }

    public synchronized boolean isEmpty() {
        return items.isEmpty();
    }

    public synchronized boolean contains(Object o) {
        return items.contains(o);
    }

    public synchronized boolean remove(Object o) {
        return items.removeFirstOccurrence(o);
    }

    public synchronized Object[] toArray() {
        return items.toArray();
    }

    public synchronized String toString() {
        return items.toString();
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
                ConcurrentLinkedQueue.this.remove(snapshot[last]);
                last = -1;
            }
        };
    }
}
