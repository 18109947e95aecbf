package java.util;

/**
 * A Map whose entries a garbage collector may drop once their keys are unreachable. jvm-lite
 * keeps them (a collection may run at any time, so no program can rely on when entries go);
 * equality is by equals() as in the JDK. Iteration order is that of a HashMap, which differs
 * from the JDK's WeakHashMap layout.
 */
public class WeakHashMap<K, V> extends AbstractMap<K, V> implements Map<K, V> {
    private final HashMap<K, V> map;

    public WeakHashMap(int initialCapacity, float loadFactor) {
        map = new HashMap<>(initialCapacity, loadFactor);
    }

    public WeakHashMap(int initialCapacity) {
        map = new HashMap<>(initialCapacity);
    }

    public WeakHashMap() {
        map = new HashMap<>();
    }

    public WeakHashMap(Map<? extends K, ? extends V> m) {
        map = new HashMap<>(m);
    }

    public int size() { return map.size(); }

    public boolean isEmpty() { return map.isEmpty(); }

    public V get(Object key) { return map.get(key); }

    public boolean containsKey(Object key) { return map.containsKey(key); }

    public boolean containsValue(Object value) { return map.containsValue(value); }

    public V put(K key, V value) { return map.put(key, value); }

    public void putAll(Map<? extends K, ? extends V> m) { map.putAll(m); }

    public V remove(Object key) { return map.remove(key); }

    public void clear() { map.clear(); }

    public Set<K> keySet() { return map.keySet(); }

    public Collection<V> values() { return map.values(); }

    public Set<Map.Entry<K, V>> entrySet() { return map.entrySet(); }
}
