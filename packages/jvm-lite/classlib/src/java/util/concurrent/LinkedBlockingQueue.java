package java.util.concurrent;

import java.util.Collection;

/** An optionally bounded FIFO BlockingQueue (the shared body is MonitorBlockingQueue). */
public class LinkedBlockingQueue<E> extends MonitorBlockingQueue<E> {
    public LinkedBlockingQueue() {
        super(Integer.MAX_VALUE);
    }

    public LinkedBlockingQueue(int capacity) {
        super(capacity);
    }

    public LinkedBlockingQueue(Collection<? extends E> c) {
        super(Integer.MAX_VALUE);
        for (E e : c) add(e);
    }
}
