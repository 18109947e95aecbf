package java.util;

import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * Red-black tree NavigableMap (Cormen, Leiserson, Rivest, Stein: Introduction to Algorithms,
 * chapter 13). Keys are ordered by their natural order or the comparator; views (headMap,
 * tailMap, subMap, descendingMap, key sets) are live and range-checked; iterators are fail-fast.
 */
public class TreeMap<K, V> extends AbstractMap<K, V> implements NavigableMap<K, V>, Cloneable, java.io.Serializable {
    private final Comparator<? super K> comparator;
    private transient Entry<K, V> root;
    private transient int size = 0;
    private transient int modCount = 0;

    public TreeMap() {
        comparator = null;
    }

    public TreeMap(Comparator<? super K> comparator) {
        this.comparator = comparator;
    }

    public TreeMap(Map<? extends K, ? extends V> m) {
        comparator = null;
        putAll(m);
    }

    public TreeMap(SortedMap<K, ? extends V> m) {
        comparator = m.comparator();
        putAll(m);
    }

    static final boolean RED = false;
    static final boolean BLACK = true;

    static final class Entry<K, V> implements Map.Entry<K, V> {
        K key;
        V value;
        Entry<K, V> left;
        Entry<K, V> right;
        Entry<K, V> parent;
        boolean color = BLACK;

        Entry(K key, V value, Entry<K, V> parent) {
            this.key = key;
            this.value = value;
            this.parent = parent;
        }

        public K getKey() { return key; }

        public V getValue() { return value; }

        public V setValue(V value) {
            V oldValue = this.value;
            this.value = value;
            return oldValue;
        }

        public boolean equals(Object o) {
            return o instanceof Map.Entry<?, ?> e && Objects.equals(key, e.getKey()) && Objects.equals(value, e.getValue());
        }

        public int hashCode() {
            return (key == null ? 0 : key.hashCode()) ^ (value == null ? 0 : value.hashCode());
        }

        public String toString() {
            return key + "=" + value;
        }
    }

    @SuppressWarnings("unchecked")
    final int compare(Object k1, Object k2) {
        return comparator == null ? ((Comparable<? super K>) k1).compareTo((K) k2) : comparator.compare((K) k1, (K) k2);
    }

    public int size() {
        return size;
    }

    public boolean containsKey(Object key) {
        return getEntry(key) != null;
    }

    public boolean containsValue(Object value) {
        for (Entry<K, V> e = getFirstEntry(); e != null; e = successor(e)) {
            if (Objects.equals(value, e.value)) return true;
        }
        return false;
    }

    public V get(Object key) {
        Entry<K, V> p = getEntry(key);
        return (p == null ? null : p.value);
    }

    public Comparator<? super K> comparator() {
        return comparator;
    }

    public K firstKey() {
        return key(getFirstEntry());
    }

    public K lastKey() {
        return key(getLastEntry());
    }

    public void putAll(Map<? extends K, ? extends V> map) {
        for (Map.Entry<? extends K, ? extends V> e : map.entrySet()) put(e.getKey(), e.getValue());
    }

    final Entry<K, V> getEntry(Object key) {
        if (comparator == null) Objects.requireNonNull(key);
        Entry<K, V> p = root;
        while (p != null) {
            int cmp = compare(key, p.key);
            if (cmp < 0) p = p.left;
            else if (cmp > 0) p = p.right;
            else return p;
        }
        return null;
    }

    /** The least entry with key >= key, or null. */
    final Entry<K, V> getCeilingEntry(K key) {
        Entry<K, V> p = root;
        Entry<K, V> best = null;
        while (p != null) {
            int cmp = compare(key, p.key);
            if (cmp < 0) {
                best = p;
                p = p.left;
            } else if (cmp > 0) {
                p = p.right;
            } else {
                return p;
            }
        }
        return best;
    }

    /** The greatest entry with key <= key, or null. */
    final Entry<K, V> getFloorEntry(K key) {
        Entry<K, V> p = root;
        Entry<K, V> best = null;
        while (p != null) {
            int cmp = compare(key, p.key);
            if (cmp > 0) {
                best = p;
                p = p.right;
            } else if (cmp < 0) {
                p = p.left;
            } else {
                return p;
            }
        }
        return best;
    }

    /** The least entry with key > key, or null. */
    final Entry<K, V> getHigherEntry(K key) {
        Entry<K, V> p = root;
        Entry<K, V> best = null;
        while (p != null) {
            int cmp = compare(key, p.key);
            if (cmp < 0) {
                best = p;
                p = p.left;
            } else {
                p = p.right;
            }
        }
        return best;
    }

    /** The greatest entry with key < key, or null. */
    final Entry<K, V> getLowerEntry(K key) {
        Entry<K, V> p = root;
        Entry<K, V> best = null;
        while (p != null) {
            int cmp = compare(key, p.key);
            if (cmp > 0) {
                best = p;
                p = p.right;
            } else {
                p = p.left;
            }
        }
        return best;
    }

    public V put(K key, V value) {
        Entry<K, V> t = root;
        if (t == null) {
            compare(key, key); // type and null check, as the JDK does for the first key
            root = new Entry<>(key, value, null);
            size = 1;
            modCount++;
            return null;
        }
        if (comparator == null) Objects.requireNonNull(key);
        int cmp;
        Entry<K, V> parent;
        do {
            parent = t;
            cmp = compare(key, t.key);
            if (cmp < 0) t = t.left;
            else if (cmp > 0) t = t.right;
            else return t.setValue(value);
        } while (t != null);
        Entry<K, V> e = new Entry<>(key, value, parent);
        if (cmp < 0) parent.left = e;
        else parent.right = e;
        fixAfterInsertion(e);
        size++;
        modCount++;
        return null;
    }

    public V remove(Object key) {
        Entry<K, V> p = getEntry(key);
        if (p == null) return null;
        V oldValue = p.value;
        deleteEntry(p);
        return oldValue;
    }

    public void clear() {
        modCount++;
        size = 0;
        root = null;
    }

    @SuppressWarnings("unchecked")
    public Object clone() {
        TreeMap<K, V> clone;
        try {
            clone = (TreeMap<K, V>) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new InternalError(e);
        }
        clone.root = null;
        clone.size = 0;
        clone.modCount = 0;
        clone.entrySet = null;
        clone.navigableKeySet = null;
        clone.descendingMap = null;
        for (Entry<K, V> e = getFirstEntry(); e != null; e = successor(e)) clone.put(e.key, e.value);
        return clone;
    }

    public Map.Entry<K, V> firstEntry() {
        return exportEntry(getFirstEntry());
    }

    public Map.Entry<K, V> lastEntry() {
        return exportEntry(getLastEntry());
    }

    public Map.Entry<K, V> pollFirstEntry() {
        Entry<K, V> p = getFirstEntry();
        Map.Entry<K, V> result = exportEntry(p);
        if (p != null) deleteEntry(p);
        return result;
    }

    public Map.Entry<K, V> pollLastEntry() {
        Entry<K, V> p = getLastEntry();
        Map.Entry<K, V> result = exportEntry(p);
        if (p != null) deleteEntry(p);
        return result;
    }

    public Map.Entry<K, V> lowerEntry(K key) { return exportEntry(getLowerEntry(key)); }

    public K lowerKey(K key) { return keyOrNull(getLowerEntry(key)); }

    public Map.Entry<K, V> floorEntry(K key) { return exportEntry(getFloorEntry(key)); }

    public K floorKey(K key) { return keyOrNull(getFloorEntry(key)); }

    public Map.Entry<K, V> ceilingEntry(K key) { return exportEntry(getCeilingEntry(key)); }

    public K ceilingKey(K key) { return keyOrNull(getCeilingEntry(key)); }

    public Map.Entry<K, V> higherEntry(K key) { return exportEntry(getHigherEntry(key)); }

    public K higherKey(K key) { return keyOrNull(getHigherEntry(key)); }

    private transient Set<Map.Entry<K, V>> entrySet;
    private transient KeySet<K> navigableKeySet;
    private transient NavigableMap<K, V> descendingMap;

    public Set<K> keySet() {
        return navigableKeySet();
    }

    public NavigableSet<K> navigableKeySet() {
        KeySet<K> nks = navigableKeySet;
        return (nks != null) ? nks : (navigableKeySet = new KeySet<>(this));
    }

    public NavigableSet<K> descendingKeySet() {
        return descendingMap().navigableKeySet();
    }

    public Collection<V> values() {
        Collection<V> vs = values;
        if (vs == null) {
            vs = new AbstractCollection<V>() {
                public Iterator<V> iterator() {
                    return new ValueIterator(getFirstEntry());
                }

                public int size() {
                    return TreeMap.this.size();
                }

                public boolean contains(Object o) {
                    return TreeMap.this.containsValue(o);
                }

                public boolean remove(Object o) {
                    for (Entry<K, V> e = getFirstEntry(); e != null; e = successor(e)) {
                        if (Objects.equals(e.getValue(), o)) {
                            deleteEntry(e);
                            return true;
                        }
                    }
                    return false;
                }

                public void clear() {
                    TreeMap.this.clear();
                }
            };
            values = vs;
        }
        return vs;
    }

    public Set<Map.Entry<K, V>> entrySet() {
        Set<Map.Entry<K, V>> es = entrySet;
        if (es == null) {
            es = new AbstractSet<Map.Entry<K, V>>() {
                public Iterator<Map.Entry<K, V>> iterator() {
                    return new EntryIterator(getFirstEntry());
                }

                public boolean contains(Object o) {
                    if (!(o instanceof Map.Entry<?, ?> entry)) return false;
                    Entry<K, V> p = getEntry(entry.getKey());
                    return p != null && Objects.equals(p.getValue(), entry.getValue());
                }

                public boolean remove(Object o) {
                    if (!(o instanceof Map.Entry<?, ?> entry)) return false;
                    Entry<K, V> p = getEntry(entry.getKey());
                    if (p != null && Objects.equals(p.getValue(), entry.getValue())) {
                        deleteEntry(p);
                        return true;
                    }
                    return false;
                }

                public int size() {
                    return TreeMap.this.size();
                }

                public void clear() {
                    TreeMap.this.clear();
                }
            };
            entrySet = es;
        }
        return es;
    }

    public NavigableMap<K, V> descendingMap() {
        NavigableMap<K, V> km = descendingMap;
        return (km != null) ? km : (descendingMap = new SubMap<>(this, true, null, true, true, null, true, true));
    }

    public NavigableMap<K, V> subMap(K fromKey, boolean fromInclusive, K toKey, boolean toInclusive) {
        return new SubMap<>(this, false, fromKey, fromInclusive, false, toKey, toInclusive, false);
    }

    public NavigableMap<K, V> headMap(K toKey, boolean inclusive) {
        return new SubMap<>(this, true, null, true, false, toKey, inclusive, false);
    }

    public NavigableMap<K, V> tailMap(K fromKey, boolean inclusive) {
        return new SubMap<>(this, false, fromKey, inclusive, true, null, true, false);
    }

    public SortedMap<K, V> subMap(K fromKey, K toKey) {
        return subMap(fromKey, true, toKey, false);
    }

    public SortedMap<K, V> headMap(K toKey) {
        return headMap(toKey, false);
    }

    public SortedMap<K, V> tailMap(K fromKey) {
        return tailMap(fromKey, true);
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        Entry<K, V> p = getEntry(key);
        if (p != null && Objects.equals(oldValue, p.value)) {
            p.value = newValue;
            return true;
        }
        return false;
    }

    @Override
    public V replace(K key, V value) {
        Entry<K, V> p = getEntry(key);
        if (p != null) {
            V oldValue = p.value;
            p.value = value;
            return oldValue;
        }
        return null;
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        Objects.requireNonNull(action);
        int expectedModCount = modCount;
        for (Entry<K, V> e = getFirstEntry(); e != null; e = successor(e)) {
            action.accept(e.key, e.value);
            if (expectedModCount != modCount) throw new ConcurrentModificationException();
        }
    }

    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        Objects.requireNonNull(function);
        int expectedModCount = modCount;
        for (Entry<K, V> e = getFirstEntry(); e != null; e = successor(e)) {
            e.value = function.apply(e.key, e.value);
            if (expectedModCount != modCount) throw new ConcurrentModificationException();
        }
    }

    // ---- iterators

    Iterator<K> keyIterator() {
        return new KeyIterator(getFirstEntry());
    }

    Iterator<K> descendingKeyIterator() {
        return new DescendingKeyIterator(getLastEntry());
    }

    abstract class PrivateEntryIterator<T> implements Iterator<T> {
        Entry<K, V> next;
        Entry<K, V> lastReturned;
        int expectedModCount;

        PrivateEntryIterator(Entry<K, V> first) {
            expectedModCount = modCount;
            lastReturned = null;
            next = first;
        }

        public final boolean hasNext() {
            return next != null;
        }

        final Entry<K, V> nextEntry() {
            Entry<K, V> e = next;
            if (e == null) throw new NoSuchElementException();
            if (modCount != expectedModCount) throw new ConcurrentModificationException();
            next = successor(e);
            lastReturned = e;
            return e;
        }

        final Entry<K, V> prevEntry() {
            Entry<K, V> e = next;
            if (e == null) throw new NoSuchElementException();
            if (modCount != expectedModCount) throw new ConcurrentModificationException();
            next = predecessor(e);
            lastReturned = e;
            return e;
        }

        public void remove() {
            if (lastReturned == null) throw new IllegalStateException();
            if (modCount != expectedModCount) throw new ConcurrentModificationException();
            // deleteEntry moves the successor's contents into a node with two children.
            if (lastReturned.left != null && lastReturned.right != null) next = lastReturned;
            deleteEntry(lastReturned);
            expectedModCount = modCount;
            lastReturned = null;
        }
    }

    final class EntryIterator extends PrivateEntryIterator<Map.Entry<K, V>> {
        EntryIterator(Entry<K, V> first) { super(first); }

        public Map.Entry<K, V> next() { return nextEntry(); }
    }

    final class ValueIterator extends PrivateEntryIterator<V> {
        ValueIterator(Entry<K, V> first) { super(first); }

        public V next() { return nextEntry().value; }
    }

    final class KeyIterator extends PrivateEntryIterator<K> {
        KeyIterator(Entry<K, V> first) { super(first); }

        public K next() { return nextEntry().key; }
    }

    final class DescendingKeyIterator extends PrivateEntryIterator<K> {
        DescendingKeyIterator(Entry<K, V> first) { super(first); }

        public K next() { return prevEntry().key; }

        public void remove() {
            if (lastReturned == null) throw new IllegalStateException();
            if (modCount != expectedModCount) throw new ConcurrentModificationException();
            deleteEntry(lastReturned);
            lastReturned = null;
            expectedModCount = modCount;
        }
    }

    // ---- helpers

    static <K, V> Map.Entry<K, V> exportEntry(TreeMap.Entry<K, V> e) {
        return (e == null) ? null : new AbstractMap.SimpleImmutableEntry<>(e);
    }

    static <K, V> K keyOrNull(TreeMap.Entry<K, V> e) {
        return (e == null) ? null : e.key;
    }

    static <K> K key(Entry<K, ?> e) {
        if (e == null) throw new NoSuchElementException();
        return e.key;
    }

    /** A NavigableSet of the keys of a TreeMap or of one of its views. */
    static final class KeySet<E> extends AbstractSet<E> implements NavigableSet<E> {
        private final NavigableMap<E, ?> m;

        KeySet(NavigableMap<E, ?> map) {
            m = map;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        public Iterator<E> iterator() {
            if (m instanceof TreeMap) return ((TreeMap<E, ?>) m).keyIterator();
            return ((SubMap<E, ?>) m).keyIterator();
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        public Iterator<E> descendingIterator() {
            if (m instanceof TreeMap) return ((TreeMap<E, ?>) m).descendingKeyIterator();
            return ((SubMap<E, ?>) m).descendingKeyIterator();
        }

        public int size() { return m.size(); }

        public boolean isEmpty() { return m.isEmpty(); }

        public boolean contains(Object o) { return m.containsKey(o); }

        public void clear() { m.clear(); }

        public E lower(E e) { return m.lowerKey(e); }

        public E floor(E e) { return m.floorKey(e); }

        public E ceiling(E e) { return m.ceilingKey(e); }

        public E higher(E e) { return m.higherKey(e); }

        public E first() { return m.firstKey(); }

        public E last() { return m.lastKey(); }

        public Comparator<? super E> comparator() { return m.comparator(); }

        public E pollFirst() {
            Map.Entry<E, ?> e = m.pollFirstEntry();
            return (e == null) ? null : e.getKey();
        }

        public E pollLast() {
            Map.Entry<E, ?> e = m.pollLastEntry();
            return (e == null) ? null : e.getKey();
        }

        public boolean remove(Object o) {
            int oldSize = size();
            m.remove(o);
            return size() != oldSize;
        }

        public NavigableSet<E> subSet(E fromElement, boolean fromInclusive, E toElement, boolean toInclusive) {
            return new KeySet<>(m.subMap(fromElement, fromInclusive, toElement, toInclusive));
        }

        public NavigableSet<E> headSet(E toElement, boolean inclusive) {
            return new KeySet<>(m.headMap(toElement, inclusive));
        }

        public NavigableSet<E> tailSet(E fromElement, boolean inclusive) {
            return new KeySet<>(m.tailMap(fromElement, inclusive));
        }

        public SortedSet<E> subSet(E fromElement, E toElement) { return subSet(fromElement, true, toElement, false); }

        public SortedSet<E> headSet(E toElement) { return headSet(toElement, false); }

        public SortedSet<E> tailSet(E fromElement) { return tailSet(fromElement, true); }

        public NavigableSet<E> descendingSet() { return new KeySet<>(m.descendingMap()); }
    }

    /**
     * A range view [lo, hi] (each end open, closed or absent) of a TreeMap, ascending or
     * descending. Operations in the view's order are mapped to absolute operations on the tree.
     */
    static final class SubMap<K, V> extends AbstractMap<K, V> implements NavigableMap<K, V>, java.io.Serializable {
        final TreeMap<K, V> m;
        final K lo, hi;
        final boolean fromStart, toEnd;
        final boolean loInclusive, hiInclusive;
        final boolean descending;

        SubMap(TreeMap<K, V> m, boolean fromStart, K lo, boolean loInclusive, boolean toEnd, K hi, boolean hiInclusive, boolean descending) {
            if (!fromStart && !toEnd) {
                if (m.compare(lo, hi) > 0) throw new IllegalArgumentException("fromKey > toKey");
            } else {
                if (!fromStart) m.compare(lo, lo);
                if (!toEnd) m.compare(hi, hi);
            }
            this.m = m;
            this.fromStart = fromStart;
            this.lo = lo;
            this.loInclusive = loInclusive;
            this.toEnd = toEnd;
            this.hi = hi;
            this.hiInclusive = hiInclusive;
            this.descending = descending;
        }

        final boolean tooLow(Object key) {
            if (!fromStart) {
                int c = m.compare(key, lo);
                if (c < 0 || (c == 0 && !loInclusive)) return true;
            }
            return false;
        }

        final boolean tooHigh(Object key) {
            if (!toEnd) {
                int c = m.compare(key, hi);
                if (c > 0 || (c == 0 && !hiInclusive)) return true;
            }
            return false;
        }

        final boolean inRange(Object key) {
            return !tooLow(key) && !tooHigh(key);
        }

        final boolean inClosedRange(Object key) {
            return (fromStart || m.compare(key, lo) >= 0) && (toEnd || m.compare(hi, key) >= 0);
        }

        final boolean inRange(Object key, boolean inclusive) {
            return inclusive ? inRange(key) : inClosedRange(key);
        }

        final TreeMap.Entry<K, V> absLowest() {
            TreeMap.Entry<K, V> e = (fromStart ? m.getFirstEntry() : (loInclusive ? m.getCeilingEntry(lo) : m.getHigherEntry(lo)));
            return (e == null || tooHigh(e.key)) ? null : e;
        }

        final TreeMap.Entry<K, V> absHighest() {
            TreeMap.Entry<K, V> e = (toEnd ? m.getLastEntry() : (hiInclusive ? m.getFloorEntry(hi) : m.getLowerEntry(hi)));
            return (e == null || tooLow(e.key)) ? null : e;
        }

        final TreeMap.Entry<K, V> absCeiling(K key) {
            if (tooLow(key)) return absLowest();
            TreeMap.Entry<K, V> e = m.getCeilingEntry(key);
            return (e == null || tooHigh(e.key)) ? null : e;
        }

        final TreeMap.Entry<K, V> absHigher(K key) {
            if (tooLow(key)) return absLowest();
            TreeMap.Entry<K, V> e = m.getHigherEntry(key);
            return (e == null || tooHigh(e.key)) ? null : e;
        }

        final TreeMap.Entry<K, V> absFloor(K key) {
            if (tooHigh(key)) return absHighest();
            TreeMap.Entry<K, V> e = m.getFloorEntry(key);
            return (e == null || tooLow(e.key)) ? null : e;
        }

        final TreeMap.Entry<K, V> absLower(K key) {
            if (tooHigh(key)) return absHighest();
            TreeMap.Entry<K, V> e = m.getLowerEntry(key);
            return (e == null || tooLow(e.key)) ? null : e;
        }

        /** The first entry past the high end (exclusive fence of an ascending walk). */
        final TreeMap.Entry<K, V> absHighFence() {
            return (toEnd ? null : (hiInclusive ? m.getHigherEntry(hi) : m.getCeilingEntry(hi)));
        }

        /** The first entry below the low end (exclusive fence of a descending walk). */
        final TreeMap.Entry<K, V> absLowFence() {
            return (fromStart ? null : (loInclusive ? m.getLowerEntry(lo) : m.getFloorEntry(lo)));
        }

        // View-order primitives.
        TreeMap.Entry<K, V> subLowest() { return descending ? absHighest() : absLowest(); }

        TreeMap.Entry<K, V> subHighest() { return descending ? absLowest() : absHighest(); }

        TreeMap.Entry<K, V> subCeiling(K key) { return descending ? absFloor(key) : absCeiling(key); }

        TreeMap.Entry<K, V> subHigher(K key) { return descending ? absLower(key) : absHigher(key); }

        TreeMap.Entry<K, V> subFloor(K key) { return descending ? absCeiling(key) : absFloor(key); }

        TreeMap.Entry<K, V> subLower(K key) { return descending ? absHigher(key) : absLower(key); }

        Iterator<K> keyIterator() {
            return descending ? new SubMapKeyIterator(absHighest(), absLowFence(), true) : new SubMapKeyIterator(absLowest(), absHighFence(), false);
        }

        Iterator<K> descendingKeyIterator() {
            return descending ? new SubMapKeyIterator(absLowest(), absHighFence(), false) : new SubMapKeyIterator(absHighest(), absLowFence(), true);
        }

        public boolean isEmpty() {
            return (fromStart && toEnd) ? m.isEmpty() : absLowest() == null;
        }

        public int size() {
            if (fromStart && toEnd) return m.size();
            int n = 0;
            for (Iterator<K> it = keyIterator(); it.hasNext(); it.next()) n++;
            return n;
        }

        public final boolean containsKey(Object key) {
            return inRange(key) && m.containsKey(key);
        }

        public final V put(K key, V value) {
            if (!inRange(key)) throw new IllegalArgumentException("key out of range");
            return m.put(key, value);
        }

        public final V get(Object key) {
            return !inRange(key) ? null : m.get(key);
        }

        public final V remove(Object key) {
            return !inRange(key) ? null : m.remove(key);
        }

        public final void clear() {
            for (Iterator<K> it = keyIterator(); it.hasNext();) {
                it.next();
                it.remove();
            }
        }

        public Comparator<? super K> comparator() {
            return descending ? Collections.reverseOrder(m.comparator()) : m.comparator();
        }

        public final Map.Entry<K, V> ceilingEntry(K key) { return exportEntry(subCeiling(key)); }

        public final K ceilingKey(K key) { return keyOrNull(subCeiling(key)); }

        public final Map.Entry<K, V> higherEntry(K key) { return exportEntry(subHigher(key)); }

        public final K higherKey(K key) { return keyOrNull(subHigher(key)); }

        public final Map.Entry<K, V> floorEntry(K key) { return exportEntry(subFloor(key)); }

        public final K floorKey(K key) { return keyOrNull(subFloor(key)); }

        public final Map.Entry<K, V> lowerEntry(K key) { return exportEntry(subLower(key)); }

        public final K lowerKey(K key) { return keyOrNull(subLower(key)); }

        public final K firstKey() { return key(subLowest()); }

        public final K lastKey() { return key(subHighest()); }

        public final Map.Entry<K, V> firstEntry() { return exportEntry(subLowest()); }

        public final Map.Entry<K, V> lastEntry() { return exportEntry(subHighest()); }

        public final Map.Entry<K, V> pollFirstEntry() {
            TreeMap.Entry<K, V> e = subLowest();
            Map.Entry<K, V> result = exportEntry(e);
            if (e != null) m.deleteEntry(e);
            return result;
        }

        public final Map.Entry<K, V> pollLastEntry() {
            TreeMap.Entry<K, V> e = subHighest();
            Map.Entry<K, V> result = exportEntry(e);
            if (e != null) m.deleteEntry(e);
            return result;
        }

        public final NavigableSet<K> navigableKeySet() {
            return new KeySet<>(this);
        }

        public final Set<K> keySet() {
            return navigableKeySet();
        }

        public NavigableSet<K> descendingKeySet() {
            return descendingMap().navigableKeySet();
        }

        public NavigableMap<K, V> descendingMap() {
            return new SubMap<>(m, fromStart, lo, loInclusive, toEnd, hi, hiInclusive, !descending);
        }

        public Set<Map.Entry<K, V>> entrySet() {
            return new AbstractSet<Map.Entry<K, V>>() {
                public Iterator<Map.Entry<K, V>> iterator() {
                    return descending ? new SubMapEntryIterator(absHighest(), absLowFence(), true) : new SubMapEntryIterator(absLowest(), absHighFence(), false);
                }

                public int size() {
                    return SubMap.this.size();
                }

                public boolean contains(Object o) {
                    if (!(o instanceof Map.Entry<?, ?> entry)) return false;
                    Object key = entry.getKey();
                    if (!inRange(key)) return false;
                    TreeMap.Entry<?, ?> node = m.getEntry(key);
                    return node != null && Objects.equals(node.getValue(), entry.getValue());
                }

                public boolean remove(Object o) {
                    if (!(o instanceof Map.Entry<?, ?> entry)) return false;
                    Object key = entry.getKey();
                    if (!inRange(key)) return false;
                    TreeMap.Entry<K, V> node = m.getEntry(key);
                    if (node != null && Objects.equals(node.getValue(), entry.getValue())) {
                        m.deleteEntry(node);
                        return true;
                    }
                    return false;
                }
            };
        }

        public NavigableMap<K, V> subMap(K fromKey, boolean fromInclusive, K toKey, boolean toInclusive) {
            if (!inRange(fromKey, fromInclusive)) throw new IllegalArgumentException("fromKey out of range");
            if (!inRange(toKey, toInclusive)) throw new IllegalArgumentException("toKey out of range");
            if (descending) return new SubMap<>(m, false, toKey, toInclusive, false, fromKey, fromInclusive, true);
            return new SubMap<>(m, false, fromKey, fromInclusive, false, toKey, toInclusive, false);
        }

        public NavigableMap<K, V> headMap(K toKey, boolean inclusive) {
            if (!inRange(toKey, inclusive)) throw new IllegalArgumentException("toKey out of range");
            if (descending) return new SubMap<>(m, false, toKey, inclusive, toEnd, hi, hiInclusive, true);
            return new SubMap<>(m, fromStart, lo, loInclusive, false, toKey, inclusive, false);
        }

        public NavigableMap<K, V> tailMap(K fromKey, boolean inclusive) {
            if (!inRange(fromKey, inclusive)) throw new IllegalArgumentException("fromKey out of range");
            if (descending) return new SubMap<>(m, fromStart, lo, loInclusive, false, fromKey, inclusive, true);
            return new SubMap<>(m, false, fromKey, inclusive, toEnd, hi, hiInclusive, false);
        }

        public SortedMap<K, V> subMap(K fromKey, K toKey) {
            return subMap(fromKey, true, toKey, false);
        }

        public SortedMap<K, V> headMap(K toKey) {
            return headMap(toKey, false);
        }

        public SortedMap<K, V> tailMap(K fromKey) {
            return tailMap(fromKey, true);
        }

        /** Walks from first towards fence (exclusive), forward or backward in the tree. */
        abstract class SubMapIterator<T> implements Iterator<T> {
            TreeMap.Entry<K, V> lastReturned;
            TreeMap.Entry<K, V> next;
            final Object fenceKey;
            final boolean hasFence;
            final boolean backward;
            int expectedModCount;

            SubMapIterator(TreeMap.Entry<K, V> first, TreeMap.Entry<K, V> fence, boolean backward) {
                expectedModCount = m.modCount;
                lastReturned = null;
                next = first;
                hasFence = fence != null;
                fenceKey = fence == null ? null : fence.key;
                this.backward = backward;
            }

            public final boolean hasNext() {
                return next != null && !(hasFence && next.key == fenceKey);
            }

            final TreeMap.Entry<K, V> nextEntry() {
                TreeMap.Entry<K, V> e = next;
                if (e == null || (hasFence && e.key == fenceKey)) throw new NoSuchElementException();
                if (m.modCount != expectedModCount) throw new ConcurrentModificationException();
                next = backward ? predecessor(e) : successor(e);
                lastReturned = e;
                return e;
            }

            public void remove() {
                if (lastReturned == null) throw new IllegalStateException();
                if (m.modCount != expectedModCount) throw new ConcurrentModificationException();
                if (!backward && lastReturned.left != null && lastReturned.right != null) next = lastReturned;
                m.deleteEntry(lastReturned);
                lastReturned = null;
                expectedModCount = m.modCount;
            }
        }

        final class SubMapEntryIterator extends SubMapIterator<Map.Entry<K, V>> {
            SubMapEntryIterator(TreeMap.Entry<K, V> first, TreeMap.Entry<K, V> fence, boolean backward) {
                super(first, fence, backward);
            }

            public Map.Entry<K, V> next() { return nextEntry(); }
        }

        final class SubMapKeyIterator extends SubMapIterator<K> {
            SubMapKeyIterator(TreeMap.Entry<K, V> first, TreeMap.Entry<K, V> fence, boolean backward) {
                super(first, fence, backward);
            }

            public K next() { return nextEntry().key; }
        }
    }

    // ---- red-black tree

    final Entry<K, V> getFirstEntry() {
        Entry<K, V> p = root;
        if (p != null) while (p.left != null) p = p.left;
        return p;
    }

    final Entry<K, V> getLastEntry() {
        Entry<K, V> p = root;
        if (p != null) while (p.right != null) p = p.right;
        return p;
    }

    static <K, V> TreeMap.Entry<K, V> successor(Entry<K, V> t) {
        if (t == null) return null;
        if (t.right != null) {
            Entry<K, V> p = t.right;
            while (p.left != null) p = p.left;
            return p;
        }
        Entry<K, V> p = t.parent;
        Entry<K, V> ch = t;
        while (p != null && ch == p.right) {
            ch = p;
            p = p.parent;
        }
        return p;
    }

    static <K, V> Entry<K, V> predecessor(Entry<K, V> t) {
        if (t == null) return null;
        if (t.left != null) {
            Entry<K, V> p = t.left;
            while (p.right != null) p = p.right;
            return p;
        }
        Entry<K, V> p = t.parent;
        Entry<K, V> ch = t;
        while (p != null && ch == p.left) {
            ch = p;
            p = p.parent;
        }
        return p;
    }

    private static boolean isRed(Entry<?, ?> n) {
        return n != null && n.color == RED;
    }

    private static boolean isBlack(Entry<?, ?> n) {
        return n == null || n.color == BLACK;
    }

    /** CLRS LEFT-ROTATE: x's right child y takes x's place, x becomes y's left child. */
    private void rotateLeft(Entry<K, V> x) {
        Entry<K, V> y = x.right;
        x.right = y.left;
        if (y.left != null) y.left.parent = x;
        y.parent = x.parent;
        if (x.parent == null) root = y;
        else if (x == x.parent.left) x.parent.left = y;
        else x.parent.right = y;
        y.left = x;
        x.parent = y;
    }

    /** CLRS RIGHT-ROTATE, the mirror of rotateLeft. */
    private void rotateRight(Entry<K, V> x) {
        Entry<K, V> y = x.left;
        x.left = y.right;
        if (y.right != null) y.right.parent = x;
        y.parent = x.parent;
        if (x.parent == null) root = y;
        else if (x == x.parent.right) x.parent.right = y;
        else x.parent.left = y;
        y.right = x;
        x.parent = y;
    }

    /** CLRS RB-INSERT-FIXUP for the freshly linked node z. */
    private void fixAfterInsertion(Entry<K, V> z) {
        z.color = RED;
        while (z != root && z.parent.color == RED) {
            Entry<K, V> p = z.parent;
            Entry<K, V> g = p.parent; // exists: p is red, so p is not the (black) root
            if (p == g.left) {
                Entry<K, V> uncle = g.right;
                if (isRed(uncle)) {
                    p.color = BLACK;
                    uncle.color = BLACK;
                    g.color = RED;
                    z = g;
                } else {
                    if (z == p.right) {
                        z = p;
                        rotateLeft(z);
                        p = z.parent;
                    }
                    p.color = BLACK;
                    g.color = RED;
                    rotateRight(g);
                }
            } else {
                Entry<K, V> uncle = g.left;
                if (isRed(uncle)) {
                    p.color = BLACK;
                    uncle.color = BLACK;
                    g.color = RED;
                    z = g;
                } else {
                    if (z == p.left) {
                        z = p;
                        rotateRight(z);
                        p = z.parent;
                    }
                    p.color = BLACK;
                    g.color = RED;
                    rotateLeft(g);
                }
            }
        }
        root.color = BLACK;
    }

    /**
     * Deletes z. A node with two children takes its successor's key and value and the successor
     * node is unlinked instead (iterators rely on this, see PrivateEntryIterator.remove).
     */
    void deleteEntry(Entry<K, V> z) {
        modCount++;
        size--;
        if (z.left != null && z.right != null) {
            Entry<K, V> s = successor(z);
            z.key = s.key;
            z.value = s.value;
            z = s;
        }
        Entry<K, V> child = (z.left != null) ? z.left : z.right;
        Entry<K, V> parent = z.parent;
        boolean wasLeft = parent != null && parent.left == z;
        if (child != null) child.parent = parent;
        if (parent == null) root = child;
        else if (wasLeft) parent.left = child;
        else parent.right = child;
        if (z.color == BLACK) fixAfterDeletion(child, parent, wasLeft);
        z.left = z.right = z.parent = null;
    }

    /**
     * CLRS RB-DELETE-FIXUP without a sentinel: x may be null (a black leaf), so its parent and
     * side are passed along until x is a real node.
     */
    private void fixAfterDeletion(Entry<K, V> x, Entry<K, V> parent, boolean xIsLeft) {
        while (x != root && isBlack(x)) {
            boolean left = (x != null) ? x == parent.left : xIsLeft;
            if (left) {
                Entry<K, V> w = parent.right;
                if (isRed(w)) {
                    w.color = BLACK;
                    parent.color = RED;
                    rotateLeft(parent);
                    w = parent.right;
                }
                if (isBlack(w.left) && isBlack(w.right)) {
                    w.color = RED;
                    x = parent;
                    parent = x.parent;
                } else {
                    if (isBlack(w.right)) {
                        w.left.color = BLACK;
                        w.color = RED;
                        rotateRight(w);
                        w = parent.right;
                    }
                    w.color = parent.color;
                    parent.color = BLACK;
                    if (w.right != null) w.right.color = BLACK;
                    rotateLeft(parent);
                    x = root;
                    parent = null;
                }
            } else {
                Entry<K, V> w = parent.left;
                if (isRed(w)) {
                    w.color = BLACK;
                    parent.color = RED;
                    rotateRight(parent);
                    w = parent.left;
                }
                if (isBlack(w.right) && isBlack(w.left)) {
                    w.color = RED;
                    x = parent;
                    parent = x.parent;
                } else {
                    if (isBlack(w.left)) {
                        w.right.color = BLACK;
                        w.color = RED;
                        rotateLeft(w);
                        w = parent.left;
                    }
                    w.color = parent.color;
                    parent.color = BLACK;
                    if (w.left != null) w.left.color = BLACK;
                    rotateRight(parent);
                    x = root;
                    parent = null;
                }
            }
        }
        if (x != null) x.color = BLACK;
    }
}
