package java.util;

/**
 * A Map with enum keys kept in an array indexed by ordinal: iteration in ordinal order, null
 * values allowed (stored as a sentinel), null keys rejected.
 */
public class EnumMap<K extends Enum<K>, V> extends AbstractMap<K, V> implements java.io.Serializable, Cloneable {
    private final Class<K> keyType;
    private transient K[] keyUniverse;
    private transient Object[] vals;
    private transient int size = 0;

    private static final Object NULL = new Object() {
        public int hashCode() { return 0; }

        public String toString() { return "java.util.EnumMap.NULL"; }
    };

    private Object maskNull(Object value) {
        return (value == null ? NULL : value);
    }

    @SuppressWarnings("unchecked")
    private V unmaskNull(Object value) {
        return (V) (value == NULL ? null : value);
    }

    public EnumMap(Class<K> keyType) {
        this.keyType = keyType;
        keyUniverse = keyType.getEnumConstants();
        vals = new Object[keyUniverse.length];
    }

    public EnumMap(EnumMap<K, ? extends V> m) {
        keyType = m.keyType;
        keyUniverse = m.keyUniverse;
        vals = m.vals.clone();
        size = m.size;
    }

    @SuppressWarnings("unchecked")
    public EnumMap(Map<K, ? extends V> m) {
        if (m instanceof EnumMap) {
            EnumMap<K, ? extends V> em = (EnumMap<K, ? extends V>) m;
            keyType = em.keyType;
            keyUniverse = em.keyUniverse;
            vals = em.vals.clone();
            size = em.size;
        } else {
            if (m.isEmpty()) throw new IllegalArgumentException("Specified map is empty");
            keyType = m.keySet().iterator().next().getDeclaringClass();
            keyUniverse = keyType.getEnumConstants();
            vals = new Object[keyUniverse.length];
            putAll(m);
        }
    }

    public int size() {
        return size;
    }

    public boolean containsValue(Object value) {
        value = maskNull(value);
        for (Object val : vals) if (value.equals(val)) return true;
        return false;
    }

    private boolean isValidKey(Object key) {
        if (key == null) return false;
        Class<?> keyClass = key.getClass();
        return keyClass == keyType || keyClass.getSuperclass() == keyType;
    }

    public boolean containsKey(Object key) {
        return isValidKey(key) && vals[((Enum<?>) key).ordinal()] != null;
    }

    public V get(Object key) {
        return (isValidKey(key) ? unmaskNull(vals[((Enum<?>) key).ordinal()]) : null);
    }

    public V put(K key, V value) {
        typeCheck(key);
        int index = key.ordinal();
        Object oldValue = vals[index];
        vals[index] = maskNull(value);
        if (oldValue == null) size++;
        return unmaskNull(oldValue);
    }

    public V remove(Object key) {
        if (!isValidKey(key)) return null;
        int index = ((Enum<?>) key).ordinal();
        Object oldValue = vals[index];
        vals[index] = null;
        if (oldValue != null) size--;
        return unmaskNull(oldValue);
    }

    public void clear() {
        Arrays.fill(vals, null);
        size = 0;
    }

    private void typeCheck(K key) {
        Class<?> keyClass = key.getClass();
        if (keyClass != keyType && keyClass.getSuperclass() != keyType) throw new ClassCastException(keyClass + " != " + keyType);
    }

    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<Map.Entry<K, V>>() {
            public Iterator<Map.Entry<K, V>> iterator() {
                return new Iterator<Map.Entry<K, V>>() {
                    int index = 0;
                    int lastReturnedIndex = -1;

                    public boolean hasNext() {
                        while (index < vals.length && vals[index] == null) index++;
                        return index != vals.length;
                    }

                    public Map.Entry<K, V> next() {
                        if (!hasNext()) throw new NoSuchElementException();
                        lastReturnedIndex = index++;
                        final int at = lastReturnedIndex;
                        return new Map.Entry<K, V>() {
                            public K getKey() { return keyUniverse[at]; }

                            public V getValue() { return unmaskNull(vals[at]); }

                            public V setValue(V value) {
                                V old = unmaskNull(vals[at]);
                                vals[at] = maskNull(value);
                                return old;
                            }

                            public boolean equals(Object o) {
                                return o instanceof Map.Entry<?, ?> e && keyUniverse[at] == e.getKey() && Objects.equals(getValue(), e.getValue());
                            }

                            public int hashCode() {
                                return keyUniverse[at].hashCode() ^ Objects.hashCode(getValue());
                            }

                            public String toString() {
                                return keyUniverse[at] + "=" + unmaskNull(vals[at]);
                            }
                        };
                    }

                    public void remove() {
                        if (lastReturnedIndex < 0) throw new IllegalStateException();
                        if (vals[lastReturnedIndex] != null) {
                            vals[lastReturnedIndex] = null;
                            size--;
                        }
                        lastReturnedIndex = -1;
                    }
                };
            }

            public int size() {
                return size;
            }

            public boolean contains(Object o) {
                return o instanceof Map.Entry<?, ?> e && containsKey(e.getKey()) && Objects.equals(get(e.getKey()), e.getValue());
            }

            public boolean remove(Object o) {
                if (contains(o)) {
                    EnumMap.this.remove(((Map.Entry<?, ?>) o).getKey());
                    return true;
                }
                return false;
            }

            public void clear() {
                EnumMap.this.clear();
            }
        };
    }

    public boolean equals(Object o) {
        if (this == o) return true;
        if (o instanceof EnumMap<?, ?> em && em.keyType == keyType) {
            if (size != em.size) return false;
            for (int i = 0; i < keyUniverse.length; i++) {
                Object ours = vals[i];
                Object theirs = em.vals[i];
                if (theirs != ours && (theirs == null || !theirs.equals(ours))) return false;
            }
            return true;
        }
        return super.equals(o);
    }

    public int hashCode() {
        int h = 0;
        for (int i = 0; i < keyUniverse.length; i++) {
            if (null != vals[i]) h += keyUniverse[i].hashCode() ^ Objects.hashCode(unmaskNull(vals[i]));
        }
        return h;
    }

    @SuppressWarnings("unchecked")
    public EnumMap<K, V> clone() {
        EnumMap<K, V> result;
        try {
            result = (EnumMap<K, V>) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError();
        }
        result.vals = result.vals.clone();
        return result;
    }
}
