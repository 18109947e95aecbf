package java.util.concurrent;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A hash map for concurrent use. Every operation holds the map's monitor (jvm-lite schedules
 * threads itself, so finer locking would buy nothing); iterators walk a snapshot and never throw
 * ConcurrentModificationException. The table follows the JDK's layout so that iteration order
 * matches: hashes spread as (h ^ h >>> 16) & 0x7fffffff, new keys appended to their bin, a resize
 * when the size reaches 0.75 n, splitting each bin the JDK's way (the trailing run of nodes that
 * go to the same half is moved as is, the nodes before it are prepended in reverse order), and
 * a bin of 8 in a table below 64 presizing the table. Not done: tree bins (HashMap has them).
 * Null keys and values are rejected with NullPointerException.
 */
public class ConcurrentHashMap<K, V> extends AbstractMap<K, V> implements ConcurrentMap<K, V>, java.io.Serializable {
    private static final int MAXIMUM_CAPACITY = 1 << 30;
    private static final int DEFAULT_CAPACITY = 16;
    private static final int TREEIFY_THRESHOLD = 8;
    private static final int MIN_TREEIFY_CAPACITY = 64;
    private static final int HASH_BITS = 0x7fffffff;

    static final class Node<K, V> implements Map.Entry<K, V> {
        final int hash;
        final K key;
        V val;
        Node<K, V> next;

        Node(int hash, K key, V val, Node<K, V> next) {
            this.hash = hash;
            this.key = key;
            this.val = val;
            this.next = next;
        }

        public K getKey() { return key; }

        public V getValue() { return val; }

        public int hashCode() { return key.hashCode() ^ val.hashCode(); }

        public String toString() { return key + "=" + val; }

        public V setValue(V value) { throw new UnsupportedOperationException(); }

        public boolean equals(Object o) {
            return o instanceof Map.Entry<?, ?> e && key.equals(e.getKey()) && val.equals(e.getValue());
        }
    }

    static int spread(int h) {
        return (h ^ (h >>> 16)) & HASH_BITS;
    }

    private static int tableSizeFor(int c) {
        int n = -1 >>> Integer.numberOfLeadingZeros(c - 1);
        return (n < 0) ? 1 : (n >= MAXIMUM_CAPACITY) ? MAXIMUM_CAPACITY : n + 1;
    }

    private Node<K, V>[] table;
    /** Before the table exists: its initial size (0: default); after: the next resize threshold. */
    private int sizeCtl;
    private long count;

    public ConcurrentHashMap() {
    }

    public ConcurrentHashMap(int initialCapacity) {
        this(initialCapacity, 0.75f, 1);
    }

    public ConcurrentHashMap(Map<? extends K, ? extends V> m) {
        this.sizeCtl = DEFAULT_CAPACITY;
        putAll(m);
    }

    public ConcurrentHashMap(int initialCapacity, float loadFactor) {
        this(initialCapacity, loadFactor, 1);
    }

    public ConcurrentHashMap(int initialCapacity, float loadFactor, int concurrencyLevel) {
        if (!(loadFactor > 0.0f) || initialCapacity < 0 || concurrencyLevel <= 0) throw new IllegalArgumentException();
        if (initialCapacity < concurrencyLevel) initialCapacity = concurrencyLevel;
        long size = (long) (1.0 + (long) initialCapacity / loadFactor);
        this.sizeCtl = (size >= (long) MAXIMUM_CAPACITY) ? MAXIMUM_CAPACITY : tableSizeFor((int) size);
    }

    @SuppressWarnings("unchecked")
    private Node<K, V>[] initTable() {
        int n = (sizeCtl > 0) ? sizeCtl : DEFAULT_CAPACITY;
        table = (Node<K, V>[]) new Node<?, ?>[n];
        sizeCtl = n - (n >>> 2);
        return table;
    }

    /** Doubles the table, splitting each bin as the JDK's transfer() does. */
    @SuppressWarnings("unchecked")
    private void transfer() {
        Node<K, V>[] tab = table;
        int n = tab.length;
        Node<K, V>[] nextTab = (Node<K, V>[]) new Node<?, ?>[n << 1];
        for (int i = n - 1; i >= 0; i--) {
            Node<K, V> f = tab[i];
            if (f == null) continue;
            int runBit = f.hash & n;
            Node<K, V> lastRun = f;
            for (Node<K, V> p = f.next; p != null; p = p.next) {
                int b = p.hash & n;
                if (b != runBit) {
                    runBit = b;
                    lastRun = p;
                }
            }
            Node<K, V> ln, hn;
            if (runBit == 0) {
                ln = lastRun;
                hn = null;
            } else {
                hn = lastRun;
                ln = null;
            }
            for (Node<K, V> p = f; p != lastRun; p = p.next) {
                if ((p.hash & n) == 0) ln = new Node<>(p.hash, p.key, p.val, ln);
                else hn = new Node<>(p.hash, p.key, p.val, hn);
            }
            nextTab[i] = ln;
            nextTab[i + n] = hn;
        }
        table = nextTab;
        sizeCtl = (n << 1) - (n >>> 1);
    }

    private void tryPresize(int size) {
        int c = (size >= (MAXIMUM_CAPACITY >>> 1)) ? MAXIMUM_CAPACITY : tableSizeFor(size + (size >>> 1) + 1);
        for (;;) {
            int sc = sizeCtl;
            Node<K, V>[] tab = table;
            if (tab == null || tab.length == 0) {
                int n = Math.max(sc, c);
                sizeCtl = n;
                initTable();
            } else if (c <= sc || tab.length >= MAXIMUM_CAPACITY) {
                break;
            } else {
                transfer();
            }
        }
    }

    private void treeifyBin() {
        Node<K, V>[] tab = table;
        if (tab.length < MIN_TREEIFY_CAPACITY) tryPresize(tab.length << 1);
    }

    /** Counts an insertion; resizes while the size reaches the threshold. */
    private void addCount(long x) {
        count += x;
        while (count >= (long) sizeCtl && table != null && table.length < MAXIMUM_CAPACITY) transfer();
    }

    private Node<K, V> findNode(Object key) {
        Node<K, V>[] tab = table;
        if (tab == null) return null;
        int h = spread(key.hashCode());
        for (Node<K, V> e = tab[(tab.length - 1) & h]; e != null; e = e.next) {
            if (e.hash == h && (e.key == key || key.equals(e.key))) return e;
        }
        return null;
    }

    public synchronized int size() {
        return count > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) count;
    }

    public synchronized long mappingCount() {
        return count;
    }

    public synchronized boolean isEmpty() {
        return count == 0;
    }

    public synchronized V get(Object key) {
        Node<K, V> e = findNode(Objects.requireNonNull(key));
        return e == null ? null : e.val;
    }

    public synchronized boolean containsKey(Object key) {
        return findNode(Objects.requireNonNull(key)) != null;
    }

    public synchronized boolean containsValue(Object value) {
        Objects.requireNonNull(value);
        if (table != null) {
            for (Node<K, V> head : table) for (Node<K, V> e = head; e != null; e = e.next) if (value.equals(e.val)) return true;
        }
        return false;
    }

    public V put(K key, V value) {
        return putVal(key, value, false);
    }

    private synchronized V putVal(K key, V value, boolean onlyIfAbsent) {
        if (key == null || value == null) throw new NullPointerException();
        int hash = spread(key.hashCode());
        Node<K, V>[] tab = table == null ? initTable() : table;
        int i = (tab.length - 1) & hash;
        Node<K, V> f = tab[i];
        if (f == null) {
            tab[i] = new Node<>(hash, key, value, null);
            addCount(1);
            return null;
        }
        int binCount = 1;
        for (Node<K, V> e = f;; ++binCount) {
            if (e.hash == hash && (e.key == key || key.equals(e.key))) {
                V old = e.val;
                if (!onlyIfAbsent) e.val = value;
                return old;
            }
            if (e.next == null) {
                e.next = new Node<>(hash, key, value, null);
                break;
            }
            e = e.next;
        }
        if (binCount >= TREEIFY_THRESHOLD) treeifyBin();
        addCount(1);
        return null;
    }

    public synchronized void putAll(Map<? extends K, ? extends V> m) {
        tryPresize(m.size());
        for (Map.Entry<? extends K, ? extends V> e : m.entrySet()) putVal(e.getKey(), e.getValue(), false);
    }

    public V remove(Object key) {
        return replaceNode(Objects.requireNonNull(key), null, null);
    }

    /** Replaces (value != null) or removes (value == null) key's node, if its value matches cv. */
    private synchronized V replaceNode(Object key, V value, Object cv) {
        Node<K, V>[] tab = table;
        if (tab == null) return null;
        int hash = spread(key.hashCode());
        int i = (tab.length - 1) & hash;
        Node<K, V> pred = null;
        for (Node<K, V> e = tab[i]; e != null; pred = e, e = e.next) {
            if (e.hash == hash && (e.key == key || key.equals(e.key))) {
                V ev = e.val;
                if (cv != null && cv != ev && !cv.equals(ev)) return null;
                if (value != null) {
                    e.val = value;
                } else {
                    if (pred == null) tab[i] = e.next;
                    else pred.next = e.next;
                    count--;
                }
                return ev;
            }
        }
        return null;
    }

    public synchronized void clear() {
        if (table != null) {
            for (int i = 0; i < table.length; i++) table[i] = null;
        }
        count = 0;
    }

    public V putIfAbsent(K key, V value) {
        return putVal(key, value, true);
    }

    public boolean remove(Object key, Object value) {
        if (key == null) throw new NullPointerException();
        return value != null && replaceNode(key, null, value) != null;
    }

    public boolean replace(K key, V oldValue, V newValue) {
        if (key == null || oldValue == null || newValue == null) throw new NullPointerException();
        return replaceNode(key, newValue, oldValue) != null;
    }

    public V replace(K key, V value) {
        if (key == null || value == null) throw new NullPointerException();
        return replaceNode(key, value, null);
    }

    public synchronized V getOrDefault(Object key, V defaultValue) {
        V v = get(key);
        return v == null ? defaultValue : v;
    }

    public synchronized V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        if (key == null || mappingFunction == null) throw new NullPointerException();
        Node<K, V> found = findNode(key);
        if (found != null) return found.val;
        V val = mappingFunction.apply(key);
        if (val == null) return null;
        insertNew(key, val);
        return val;
    }

    /** Appends a new node for a key known to be absent (compute* and merge). */
    private void insertNew(K key, V val) {
        int hash = spread(key.hashCode());
        Node<K, V>[] tab = table == null ? initTable() : table;
        int i = (tab.length - 1) & hash;
        Node<K, V> f = tab[i];
        if (f == null) {
            tab[i] = new Node<>(hash, key, val, null);
            addCount(1);
            return;
        }
        int binCount = 1;
        Node<K, V> e = f;
        while (e.next != null) {
            e = e.next;
            binCount++;
        }
        e.next = new Node<>(hash, key, val, null);
        if (binCount >= TREEIFY_THRESHOLD) treeifyBin();
        addCount(1);
    }

    public synchronized V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        if (key == null || remappingFunction == null) throw new NullPointerException();
        Node<K, V> e = findNode(key);
        if (e == null) return null;
        V val = remappingFunction.apply(key, e.val);
        if (val != null) e.val = val;
        else replaceNode(key, null, null);
        return val;
    }

    public synchronized V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        if (key == null || remappingFunction == null) throw new NullPointerException();
        Node<K, V> e = findNode(key);
        V val = remappingFunction.apply(key, e == null ? null : e.val);
        if (e != null) {
            if (val != null) e.val = val;
            else replaceNode(key, null, null);
        } else if (val != null) {
            insertNew(key, val);
        }
        return val;
    }

    public synchronized V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        if (key == null || value == null || remappingFunction == null) throw new NullPointerException();
        Node<K, V> e = findNode(key);
        if (e == null) {
            insertNew(key, value);
            return value;
        }
        V val = remappingFunction.apply(e.val, value);
        if (val != null) e.val = val;
        else replaceNode(key, null, null);
        return val;
    }

    public void forEach(BiConsumer<? super K, ? super V> action) {
        if (action == null) throw new NullPointerException();
        for (Node<K, V> e : snapshot()) action.accept(e.key, e.val);
    }

    public synchronized void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        if (function == null) throw new NullPointerException();
        if (table == null) return;
        for (Node<K, V> head : table) {
            for (Node<K, V> e = head; e != null; e = e.next) {
                V v = function.apply(e.key, e.val);
                if (v == null) throw new NullPointerException();
                e.val = v;
            }
        }
    }

    /** The nodes in table order, for weakly consistent iteration. */
    private synchronized List<Node<K, V>> snapshot() {
        List<Node<K, V>> out = new ArrayList<>((int) count);
        if (table != null) {
            for (Node<K, V> head : table) for (Node<K, V> e = head; e != null; e = e.next) out.add(e);
        }
        return out;
    }

    private abstract class SnapshotIterator<T> implements Iterator<T> {
        private final Iterator<Node<K, V>> it = snapshot().iterator();
        private Node<K, V> last;

        public boolean hasNext() {
            return it.hasNext();
        }

        Node<K, V> nextNode() {
            if (!it.hasNext()) throw new NoSuchElementException();
            return last = it.next();
        }

        public void remove() {
            if (last == null) throw new IllegalStateException();
            ConcurrentHashMap.this.remove(last.key);
            last = null;
        }
    }

    public KeySetView<K, V> keySet() {
        return new KeySetView<>(this, null);
    }

    public KeySetView<K, V> keySet(V mappedValue) {
        if (mappedValue == null) throw new NullPointerException();
        return new KeySetView<>(this, mappedValue);
    }

    public static <K> KeySetView<K, Boolean> newKeySet() {
        return new KeySetView<>(new ConcurrentHashMap<>(), Boolean.TRUE);
    }

    public static <K> KeySetView<K, Boolean> newKeySet(int initialCapacity) {
        return new KeySetView<>(new ConcurrentHashMap<>(initialCapacity), Boolean.TRUE);
    }

    /** The keys as a Set; add() works when the view has a default value (keySet(v), newKeySet()). */
    public static class KeySetView<K, V> extends AbstractSet<K> implements java.io.Serializable {
        private final ConcurrentHashMap<K, V> map;
        private final V value;

        KeySetView(ConcurrentHashMap<K, V> map, V value) {
            this.map = map;
            this.value = value;
        }

        public V getMappedValue() {
            return value;
        }

        public ConcurrentHashMap<K, V> getMap() {
            return map;
        }

        public int size() {
            return map.size();
        }

        public boolean contains(Object o) {
            return map.containsKey(o);
        }

        public boolean remove(Object o) {
            return map.remove(o) != null;
        }

        public void clear() {
            map.clear();
        }

        public boolean add(K e) {
            if (value == null) throw new UnsupportedOperationException();
            return map.putVal(e, value, true) == null;
        }

        public Iterator<K> iterator() {
            return map.new SnapshotIterator<K>() {
                public K next() {
                    return nextNode().key;
                }
            };
        }
    }

    public Collection<V> values() {
        return new AbstractCollection<V>() {
            public Iterator<V> iterator() {
                return new SnapshotIterator<V>() {
                    public V next() {
                        return nextNode().val;
                    }
                };
            }

            public int size() {
                return ConcurrentHashMap.this.size();
            }

            public boolean contains(Object o) {
                return containsValue(o);
            }

            public void clear() {
                ConcurrentHashMap.this.clear();
            }
        };
    }

    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<Map.Entry<K, V>>() {
            public Iterator<Map.Entry<K, V>> iterator() {
                return new SnapshotIterator<Map.Entry<K, V>>() {
                    public Map.Entry<K, V> next() {
                        Node<K, V> n = nextNode();
                        K k = n.key;
                        return new AbstractMap.SimpleEntry<K, V>(k, n.val) {
                            public V setValue(V v) {
                                if (v == null) throw new NullPointerException();
                                V old = super.setValue(v);
                                ConcurrentHashMap.this.put(k, v);
                                return old;
                            }
                        };
                    }
                };
            }

            public int size() {
                return ConcurrentHashMap.this.size();
            }

            public boolean contains(Object o) {
                if (!(o instanceof Map.Entry<?, ?> e)) return false;
                Object k = e.getKey();
                Object v = e.getValue();
                if (k == null || v == null) return false;
                V r = get(k);
                return r != null && (v == r || v.equals(r));
            }

            public boolean remove(Object o) {
                return o instanceof Map.Entry<?, ?> e && e.getKey() != null && ConcurrentHashMap.this.remove(e.getKey(), e.getValue());
            }

            public void clear() {
                ConcurrentHashMap.this.clear();
            }
        };
    }

    public java.util.Enumeration<K> keys() {
        Iterator<K> it = keySet().iterator();
        return new java.util.Enumeration<K>() {
            public boolean hasMoreElements() { return it.hasNext(); }

            public K nextElement() { return it.next(); }
        };
    }

    public java.util.Enumeration<V> elements() {
        Iterator<V> it = values().iterator();
        return new java.util.Enumeration<V>() {
            public boolean hasMoreElements() { return it.hasNext(); }

            public V nextElement() { return it.next(); }
        };
    }

    public int hashCode() {
        int h = 0;
        for (Node<K, V> e : snapshot()) h += e.key.hashCode() ^ e.val.hashCode();
        return h;
    }

    public String toString() {
        List<Node<K, V>> nodes = snapshot();
        StringBuilder sb = new StringBuilder();
        sb.append('{');
        for (int i = 0; i < nodes.size(); i++) {
            Node<K, V> p = nodes.get(i);
            if (i > 0) sb.append(',').append(' ');
            sb.append(p.key == this ? "(this Map)" : p.key);
            sb.append('=');
            sb.append(p.val == this ? "(this Map)" : p.val);
        }
        return sb.append('}').toString();
    }
}
