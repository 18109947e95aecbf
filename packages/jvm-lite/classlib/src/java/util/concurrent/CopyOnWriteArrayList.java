package java.util.concurrent;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.NoSuchElementException;
import java.util.RandomAccess;

/**
 * A List whose every mutation copies the array: iterators see the snapshot they started with,
 * never throw ConcurrentModificationException and do not support remove().
 */
public class CopyOnWriteArrayList<E> extends AbstractList<E> implements List<E>, RandomAccess, Cloneable, java.io.Serializable {
    private volatile Object[] array;

    public CopyOnWriteArrayList() {
        array = new Object[0];
    }

    public CopyOnWriteArrayList(Collection<? extends E> c) {
        array = Arrays.copyOf(c.toArray(), c.size(), Object[].class);
    }

    public CopyOnWriteArrayList(E[] toCopyIn) {
        array = Arrays.copyOf(toCopyIn, toCopyIn.length, Object[].class);
    }

    public int size() {
        return array.length;
    }

    @SuppressWarnings("unchecked")
    public E get(int index) {
        Object[] a = array;
        if (index < 0 || index >= a.length) throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + a.length);
        return (E) a[index];
    }

    @SuppressWarnings("unchecked")
    public synchronized E set(int index, E element) {
        Object[] a = array.clone();
        E old = (E) a[index];
        a[index] = element;
        array = a;
        return old;
    }

    public synchronized boolean add(E e) {
        Object[] a = Arrays.copyOf(array, array.length + 1);
        a[a.length - 1] = e;
        array = a;
        return true;
    }

    public synchronized void add(int index, E element) {
        Object[] old = array;
        if (index > old.length || index < 0) throw new IndexOutOfBoundsException("Index: " + index + ", Size: " + old.length);
        Object[] a = new Object[old.length + 1];
        System.arraycopy(old, 0, a, 0, index);
        a[index] = element;
        System.arraycopy(old, index, a, index + 1, old.length - index);
        array = a;
    }

    @SuppressWarnings("unchecked")
    public synchronized E remove(int index) {
        Object[] old = array;
        E e = (E) old[index];
        Object[] a = new Object[old.length - 1];
        System.arraycopy(old, 0, a, 0, index);
        System.arraycopy(old, index + 1, a, index, old.length - index - 1);
        array = a;
        return e;
    }

    public synchronized boolean remove(Object o) {
        int i = indexOf(o);
        if (i < 0) return false;
        remove(i);
        return true;
    }

    public synchronized boolean addIfAbsent(E e) {
        if (indexOf(e) >= 0) return false;
        return add(e);
    }

    public synchronized void clear() {
        array = new Object[0];
    }

    public synchronized boolean addAll(Collection<? extends E> c) {
        Object[] add = c.toArray();
        if (add.length == 0) return false;
        Object[] a = Arrays.copyOf(array, array.length + add.length);
        System.arraycopy(add, 0, a, array.length, add.length);
        array = a;
        return true;
    }

    public int indexOf(Object o) {
        Object[] a = array;
        for (int i = 0; i < a.length; i++) if (java.util.Objects.equals(o, a[i])) return i;
        return -1;
    }

    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    public Object[] toArray() {
        return array.clone();
    }

    public Iterator<E> iterator() {
        return listIterator(0);
    }

    public ListIterator<E> listIterator() {
        return listIterator(0);
    }

    public ListIterator<E> listIterator(int index) {
        Object[] snapshot = array;
        if (index < 0 || index > snapshot.length) throw new IndexOutOfBoundsException("Index: " + index);
        return new ListIterator<E>() {
            int cursor = index;

            public boolean hasNext() { return cursor < snapshot.length; }

            public boolean hasPrevious() { return cursor > 0; }

            @SuppressWarnings("unchecked")
            public E next() {
                if (cursor >= snapshot.length) throw new NoSuchElementException();
                return (E) snapshot[cursor++];
            }

            @SuppressWarnings("unchecked")
            public E previous() {
                if (cursor <= 0) throw new NoSuchElementException();
                return (E) snapshot[--cursor];
            }

            public int nextIndex() { return cursor; }

            public int previousIndex() { return cursor - 1; }

            public void remove() { throw new UnsupportedOperationException(); }

            public void set(E e) { throw new UnsupportedOperationException(); }

            public void add(E e) { throw new UnsupportedOperationException(); }
        };
    }

    public Object clone() {
        return new CopyOnWriteArrayList<E>(this);
    }
}
