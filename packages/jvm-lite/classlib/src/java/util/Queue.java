package java.util;

/** A collection holding elements before processing: FIFO, priority or LIFO. */
public interface Queue<E> extends Collection<E> {
    boolean add(E e);
    boolean offer(E e);
    E remove();
    E poll();
    E element();
    E peek();
}
