package java.util;

/**
 * A Map comparing keys (and values) by identity (==) and hashing them with
 * System.identityHashCode. The JDK's iteration order depends on identity hash codes, so it is not
 * reproducible there either; here entries iterate in the order of an internal HashMap of
 * identity wrappers.
 */
public class IdentityHashMap<K, V> extends AbstractMap<K, V> implements Map<K, V>, java.io.Serializable, Cloneable {
    /** A key compared by identity. */
    private static final class Id {
        final Object ref;

        Id(Object ref) {
            this.ref = ref;
        }

        @Override public boolean equals(Object o) {
            return o instanceof Id other && other.ref == ref;
        }

        @Override public int hashCode() {
            return System.identityHashCode(ref);
        }
    }

    private HashMap<Id, V> map;

    public IdentityHashMap() {
        map = new HashMap<>();
    }

    public IdentityHashMap(int expectedMaxSize) {
        if (expectedMaxSize < 0) throw new IllegalArgumentException("expectedMaxSize is negative: " + expectedMaxSize);
        map = new HashMap<>();
    }

    public IdentityHashMap(Map<? extends K, ? extends V> m) {
        this();
        putAll(m);
    }

    public int size() { return map.size(); }

    public boolean isEmpty() { return map.isEmpty(); }

    public V get(Object key) { return map.get(new Id(key)); }

    public boolean containsKey(Object key) { return map.containsKey(new Id(key)); }

    public boolean containsValue(Object value) {
        for (V v : map.values()) if (v == value) return true;
        return false;
    }

    public V put(K key, V value) { return map.put(new Id(key), value); }

    public V remove(Object key) { return map.remove(new Id(key)); }

    public void clear() { map.clear(); }

    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<Map.Entry<K, V>>() {
            public Iterator<Map.Entry<K, V>> iterator() {
                Iterator<Map.Entry<Id, V>> it = map.entrySet().iterator();
                return new Iterator<Map.Entry<K, V>>() {
                    public boolean hasNext() { return it.hasNext(); }

                    @SuppressWarnings("unchecked")
                    public Map.Entry<K, V> next() {
                        Map.Entry<Id, V> e = it.next();
                        return new AbstractMap.SimpleEntry<K, V>((K) e.getKey().ref, e.getValue()) {
                            public V setValue(V value) {
                                super.setValue(value);
                                return e.setValue(value);
                            }

                            public boolean equals(Object o) {
                                return o instanceof Map.Entry<?, ?> other && other.getKey() == getKey() && other.getValue() == getValue();
                            }

                            public int hashCode() {
                                return System.identityHashCode(getKey()) ^ System.identityHashCode(getValue());
                            }
                        };
                    }

                    public void remove() { it.remove(); }
                };
            }

            public int size() { return map.size(); }

            public void clear() { map.clear(); }
        };
    }

    @SuppressWarnings("unchecked")
    public Object clone() {
        try {
            IdentityHashMap<K, V> m = (IdentityHashMap<K, V>) super.clone();
            m.map = new HashMap<>(map);
            return m;
        } catch (CloneNotSupportedException e) {
            throw new InternalError(e);
        }
    }
}
