package java.util.concurrent;

import java.util.AbstractQueue;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;

/**
 * A queue without capacity: offer() succeeds only when a consumer is waiting in take()/poll(),
 * put() waits for one. Elements are handed over, never stored for later.
 */
public class SynchronousQueue<E> extends AbstractQueue<E> implements BlockingQueue<E>, java.io.Serializable {
    private int waitingTakers;
    private final ArrayDeque<E> handoff = new ArrayDeque<>();

    public SynchronousQueue() {
    }

    public SynchronousQueue(boolean fair) {
    }

    public synchronized boolean offer(E e) {
        if (e == null) throw new NullPointerException();
        if (waitingTakers <= handoff.size()) return false;
        handoff.addLast(e);
        notifyAll();
        return true;
    }

    public synchronized void put(E e) throws InterruptedException {
        if (e == null) throw new NullPointerException();
        while (waitingTakers <= handoff.size()) wait();
        handoff.addLast(e);
        notifyAll();
    }

    public synchronized boolean offer(E e, long timeout, TimeUnit unit) throws InterruptedException {
        if (e == null) throw new NullPointerException();
        long deadline = System.currentTimeMillis() + unit.toMillis(timeout);
        while (waitingTakers <= handoff.size()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) return false;
            wait(left);
        }
        handoff.addLast(e);
        notifyAll();
        return true;
    }

    public synchronized E take() throws InterruptedException {
        waitingTakers++;
        notifyAll();
        try {
            while (handoff.isEmpty()) wait();
            return handoff.pollFirst();
        } finally {
            waitingTakers--;
        }
    }

    public synchronized E poll(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.currentTimeMillis() + unit.toMillis(timeout);
        waitingTakers++;
        notifyAll();
        try {
            while (handoff.isEmpty()) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) return null;
                wait(left);
            }
            return handoff.pollFirst();
        } finally {
            waitingTakers--;
        }
    }

    public synchronized E poll() {
        return handoff.pollFirst();
    }

    public E peek() {
        return null;
    }

    public int size() {
        return 0;
    }

    public boolean isEmpty() {
        return true;
    }

    public int remainingCapacity() {
        return 0;
    }

    public boolean contains(Object o) {
        return false;
    }

    public boolean remove(Object o) {
        return false;
    }

    public Iterator<E> iterator() {
        return Collections.emptyIterator();
    }

    public Object[] toArray() {
        return new Object[0];
    }

    public String toString() {
        return "[]";
    }

    public int drainTo(Collection<? super E> c) {
        return drainTo(c, Integer.MAX_VALUE);
    }

    public synchronized int drainTo(Collection<? super E> c, int maxElements) {
        int n = 0;
        while (n < maxElements && !handoff.isEmpty()) {
            c.add(handoff.pollFirst());
            n++;
        }
        return n;
    }
}
