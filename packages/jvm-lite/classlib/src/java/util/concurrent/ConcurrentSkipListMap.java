package java.util.concurrent;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A sorted map for concurrent use: a TreeMap under one monitor (the same ordering as the JDK's
 * skip list). Iterators over this map walk a snapshot, so they never throw
 * ConcurrentModificationException; the range views are live TreeMap views. Null keys and
 * values are rejected, as in the JDK.
 */
public class ConcurrentSkipListMap<K, V> extends AbstractMap<K, V> implements ConcurrentNavigableMap<K, V>, Cloneable, java.io.Serializable {
    private final NavigableMap<K, V> m;
    /** Shared by a map and all its range views. */
    private final Object lock;

    public ConcurrentSkipListMap() {
        this(new TreeMap<>(), new Object());
    }

    public ConcurrentSkipListMap(Comparator<? super K> comparator) {
        this(new TreeMap<>(comparator), new Object());
    }

    public ConcurrentSkipListMap(Map<? extends K, ? extends V> map) {
        this(new TreeMap<>(), new Object());
        putAll(map);
    }

    /** A view: the range view of the backing TreeMap, under the parent's lock. */
    private ConcurrentSkipListMap(NavigableMap<K, V> backing, Object lock) {
        this.m = backing;
        this.lock = lock;
    }

    private ConcurrentSkipListMap<K, V> view(NavigableMap<K, V> backing) {
        return new ConcurrentSkipListMap<>(backing, lock);
    }

    public int size() { synchronized (lock) { return m.size(); } }

    public boolean isEmpty() { synchronized (lock) { return m.isEmpty(); } }

    public boolean containsKey(Object key) { synchronized (lock) { return m.containsKey(Objects.requireNonNull(key)); } }

    public boolean containsValue(Object value) { synchronized (lock) { return m.containsValue(Objects.requireNonNull(value)); } }

    public V get(Object key) { synchronized (lock) { return m.get(Objects.requireNonNull(key)); } }

    public V put(K key, V value) {
        synchronized (lock) {
            Objects.requireNonNull(key);
            Objects.requireNonNull(value);
            return m.put(key, value);
        }
    }

    public V remove(Object key) { synchronized (lock) { return m.remove(Objects.requireNonNull(key)); } }

    public void clear() { synchronized (lock) { m.clear(); } }

    public V putIfAbsent(K key, V value) {
        synchronized (lock) {
            Objects.requireNonNull(value);
            V old = m.get(Objects.requireNonNull(key));
            if (old == null) m.put(key, value);
            return old;
        }
    }

    public boolean remove(Object key, Object value) {
        synchronized (lock) {
            Objects.requireNonNull(key);
            if (value == null) return false;
            if (!value.equals(m.get(key))) return false;
            m.remove(key);
            return true;
        }
    }

    public boolean replace(K key, V oldValue, V newValue) {
        synchronized (lock) {
            Objects.requireNonNull(oldValue);
            Objects.requireNonNull(newValue);
            if (!oldValue.equals(m.get(Objects.requireNonNull(key)))) return false;
            m.put(key, newValue);
            return true;
        }
    }

    public V replace(K key, V value) {
        synchronized (lock) {
            Objects.requireNonNull(value);
            return m.containsKey(Objects.requireNonNull(key)) ? m.put(key, value) : null;
        }
    }

    public V merge(K key, V value, java.util.function.BiFunction<? super V, ? super V, ? extends V> f) {
        synchronized (lock) {
            Objects.requireNonNull(key);
            Objects.requireNonNull(value);
            return m.merge(key, value, f);
        }
    }

    public V computeIfAbsent(K key, java.util.function.Function<? super K, ? extends V> f) {
        synchronized (lock) {
            return m.computeIfAbsent(Objects.requireNonNull(key), f);
        }
    }

    public V compute(K key, java.util.function.BiFunction<? super K, ? super V, ? extends V> f) {
        synchronized (lock) {
            return m.compute(Objects.requireNonNull(key), f);
        }
    }

    public V getOrDefault(Object key, V defaultValue) {
        synchronized (lock) {
            V v = m.get(Objects.requireNonNull(key));
            return v == null ? defaultValue : v;
        }
    }

    /** Entries in order, copied, for weakly consistent iteration. */
    private List<Map.Entry<K, V>> snapshot() {
        synchronized (lock) {
            List<Map.Entry<K, V>> out = new ArrayList<>(m.size());
            for (Map.Entry<K, V> e : m.entrySet()) out.add(new AbstractMap.SimpleImmutableEntry<>(e));
            return out;
        }
    }

    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<Map.Entry<K, V>>() {
            public Iterator<Map.Entry<K, V>> iterator() {
                Iterator<Map.Entry<K, V>> it = snapshot().iterator();
                return new Iterator<Map.Entry<K, V>>() {
                    Map.Entry<K, V> last;

                    public boolean hasNext() { return it.hasNext(); }

                    public Map.Entry<K, V> next() { return last = it.next(); }

                    public void remove() {
                        if (last == null) throw new IllegalStateException();
                        ConcurrentSkipListMap.this.remove(last.getKey());
                        last = null;
                    }
                };
            }

            public int size() { return ConcurrentSkipListMap.this.size(); }

            public void clear() { ConcurrentSkipListMap.this.clear(); }
        };
    }

    public NavigableSet<K> keySet() {
        return navigableKeySet();
    }

    public NavigableSet<K> navigableKeySet() {
        return new ConcurrentSkipListSet<>(this);
    }

    public NavigableSet<K> descendingKeySet() { return descendingMap().navigableKeySet(); }

    public Comparator<? super K> comparator() { synchronized (lock) { return m.comparator(); } }

    public K firstKey() { synchronized (lock) { return m.firstKey(); } }

    public K lastKey() { synchronized (lock) { return m.lastKey(); } }

    public Map.Entry<K, V> lowerEntry(K key) { synchronized (lock) { return m.lowerEntry(key); } }

    public K lowerKey(K key) { synchronized (lock) { return m.lowerKey(key); } }

    public Map.Entry<K, V> floorEntry(K key) { synchronized (lock) { return m.floorEntry(key); } }

    public K floorKey(K key) { synchronized (lock) { return m.floorKey(key); } }

    public Map.Entry<K, V> ceilingEntry(K key) { synchronized (lock) { return m.ceilingEntry(key); } }

    public K ceilingKey(K key) { synchronized (lock) { return m.ceilingKey(key); } }

    public Map.Entry<K, V> higherEntry(K key) { synchronized (lock) { return m.higherEntry(key); } }

    public K higherKey(K key) { synchronized (lock) { return m.higherKey(key); } }

    public Map.Entry<K, V> firstEntry() { synchronized (lock) { return m.firstEntry(); } }

    public Map.Entry<K, V> lastEntry() { synchronized (lock) { return m.lastEntry(); } }

    public Map.Entry<K, V> pollFirstEntry() { synchronized (lock) { return m.pollFirstEntry(); } }

    public Map.Entry<K, V> pollLastEntry() { synchronized (lock) { return m.pollLastEntry(); } }

    public ConcurrentNavigableMap<K, V> descendingMap() { synchronized (lock) { return view(m.descendingMap()); } }

    public ConcurrentNavigableMap<K, V> subMap(K fromKey, boolean fromInclusive, K toKey, boolean toInclusive) { synchronized (lock) { return view(m.subMap(fromKey, fromInclusive, toKey, toInclusive)); } }

    public ConcurrentNavigableMap<K, V> headMap(K toKey, boolean inclusive) { synchronized (lock) { return view(m.headMap(toKey, inclusive)); } }

    public ConcurrentNavigableMap<K, V> tailMap(K fromKey, boolean inclusive) { synchronized (lock) { return view(m.tailMap(fromKey, inclusive)); } }

    public ConcurrentNavigableMap<K, V> subMap(K fromKey, K toKey) { return subMap(fromKey, true, toKey, false); }

    public ConcurrentNavigableMap<K, V> headMap(K toKey) { return headMap(toKey, false); }

    public ConcurrentNavigableMap<K, V> tailMap(K fromKey) { return tailMap(fromKey, true); }

    public Collection<V> values() {
        return new java.util.AbstractCollection<V>() {
            public Iterator<V> iterator() {
                Iterator<Map.Entry<K, V>> it = entrySet().iterator();
                return new Iterator<V>() {
                    public boolean hasNext() { return it.hasNext(); }

                    public V next() { return it.next().getValue(); }

                    public void remove() { it.remove(); }
                };
            }

            public int size() { return ConcurrentSkipListMap.this.size(); }
        };
    }

    public ConcurrentSkipListMap<K, V> clone() {
        ConcurrentSkipListMap<K, V> c = new ConcurrentSkipListMap<>(comparator());
        c.putAll(this);
        return c;
    }
}
