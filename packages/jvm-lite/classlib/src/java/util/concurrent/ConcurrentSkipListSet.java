package java.util.concurrent;

import java.util.AbstractSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableSet;
import java.util.SortedSet;

/** A sorted set for concurrent use, the keys of a ConcurrentSkipListMap; snapshot iteration. */
public class ConcurrentSkipListSet<E> extends AbstractSet<E> implements NavigableSet<E>, Cloneable, java.io.Serializable {
    private final ConcurrentNavigableMap<E, Object> m;

    public ConcurrentSkipListSet() {
        m = new ConcurrentSkipListMap<>();
    }

    public ConcurrentSkipListSet(Comparator<? super E> comparator) {
        m = new ConcurrentSkipListMap<>(comparator);
    }

    public ConcurrentSkipListSet(Collection<? extends E> c) {
        m = new ConcurrentSkipListMap<>();
        addAll(c);
    }

    @SuppressWarnings("unchecked")
    ConcurrentSkipListSet(ConcurrentNavigableMap<E, ?> map) {
        m = (ConcurrentNavigableMap<E, Object>) map;
    }

    public int size() { return m.size(); }

    public boolean isEmpty() { return m.isEmpty(); }

    public boolean contains(Object o) { return m.containsKey(o); }

    public boolean add(E e) { return m.putIfAbsent(e, Boolean.TRUE) == null; }

    public boolean remove(Object o) { return m.remove(o) != null; }

    public void clear() { m.clear(); }

    public Iterator<E> iterator() {
        Iterator<Map.Entry<E, Object>> it = m.entrySet().iterator();
        return new Iterator<E>() {
            public boolean hasNext() { return it.hasNext(); }

            public E next() { return it.next().getKey(); }

            public void remove() { it.remove(); }
        };
    }

    public Iterator<E> descendingIterator() { return m.descendingMap().navigableKeySet().iterator(); }

    public E lower(E e) { return m.lowerKey(e); }

    public E floor(E e) { return m.floorKey(e); }

    public E ceiling(E e) { return m.ceilingKey(e); }

    public E higher(E e) { return m.higherKey(e); }

    public E pollFirst() {
        Map.Entry<E, Object> e = m.pollFirstEntry();
        return e == null ? null : e.getKey();
    }

    public E pollLast() {
        Map.Entry<E, Object> e = m.pollLastEntry();
        return e == null ? null : e.getKey();
    }

    public Comparator<? super E> comparator() { return m.comparator(); }

    public E first() { return m.firstKey(); }

    public E last() { return m.lastKey(); }

    public NavigableSet<E> descendingSet() { return new ConcurrentSkipListSet<>(m.descendingMap()); }

    public NavigableSet<E> subSet(E fromElement, boolean fromInclusive, E toElement, boolean toInclusive) { return new ConcurrentSkipListSet<>(m.subMap(fromElement, fromInclusive, toElement, toInclusive)); }

    public NavigableSet<E> headSet(E toElement, boolean inclusive) { return new ConcurrentSkipListSet<>(m.headMap(toElement, inclusive)); }

    public NavigableSet<E> tailSet(E fromElement, boolean inclusive) { return new ConcurrentSkipListSet<>(m.tailMap(fromElement, inclusive)); }

    public SortedSet<E> subSet(E fromElement, E toElement) { return subSet(fromElement, true, toElement, false); }

    public SortedSet<E> headSet(E toElement) { return headSet(toElement, false); }

    public SortedSet<E> tailSet(E fromElement) { return tailSet(fromElement, true); }
}
