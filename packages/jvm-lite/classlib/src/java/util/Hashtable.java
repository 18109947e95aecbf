package java.util;

import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The legacy synchronized hash table, with the JDK's own layout (not HashMap's), since programs
 * print it: index = (hash & 0x7FFFFFFF) % length, default length 11, new entries at the head of
 * their bucket, growth to 2n+1 when the count reaches the threshold before an insertion (rehash
 * walks the old buckets from the last), iteration from the last bucket to the first.
 * Null keys and values are rejected.
 */
public class Hashtable<K, V> extends Dictionary<K, V> implements Map<K, V>, Cloneable, java.io.Serializable {
    private static final int MAX_ARRAY_SIZE = Integer.MAX_VALUE - 8;

    private static class Entry<K, V> implements Map.Entry<K, V> {
        final int hash;
        final K key;
        V value;
        Entry<K, V> next;

        Entry(int hash, K key, V value, Entry<K, V> next) {
            this.hash = hash;
            this.key = key;
            this.value = value;
            this.next = next;
        }

        public K getKey() { return key; }

        public V getValue() { return value; }

        public V setValue(V value) {
            if (value == null) throw new NullPointerException();
            V oldValue = this.value;
            this.value = value;
            return oldValue;
        }

        public boolean equals(Object o) {
            return o instanceof Map.Entry<?, ?> e && Objects.equals(key, e.getKey()) && Objects.equals(value, e.getValue());
        }

        public int hashCode() {
            return hash ^ Objects.hashCode(value);
        }

        public String toString() {
            return key.toString() + "=" + value.toString();
        }
    }

    private transient Entry<?, ?>[] table;
    private transient int count;
    private int threshold;
    private final float loadFactor;
    private transient int modCount = 0;

    public Hashtable(int initialCapacity, float loadFactor) {
        if (initialCapacity < 0) throw new IllegalArgumentException("Illegal Capacity: " + initialCapacity);
        if (loadFactor <= 0 || Float.isNaN(loadFactor)) throw new IllegalArgumentException("Illegal Load: " + loadFactor);
        if (initialCapacity == 0) initialCapacity = 1;
        this.loadFactor = loadFactor;
        table = new Entry<?, ?>[initialCapacity];
        threshold = (int) Math.min(initialCapacity * loadFactor, MAX_ARRAY_SIZE + 1);
    }

    public Hashtable(int initialCapacity) {
        this(initialCapacity, 0.75f);
    }

    public Hashtable() {
        this(11, 0.75f);
    }

    /** For Properties, which keeps its entries elsewhere: no table. */
    Hashtable(Void dummy) {
        loadFactor = 0.75f;
        table = new Entry<?, ?>[1];
    }

    public Hashtable(Map<? extends K, ? extends V> t) {
        this(Math.max(2 * t.size(), 11), 0.75f);
        putAll(t);
    }

    public synchronized int size() {
        return count;
    }

    public synchronized boolean isEmpty() {
        return count == 0;
    }

    public synchronized Enumeration<K> keys() {
        Iterator<K> it = keySet().iterator();
        return new Enumeration<K>() {
            public boolean hasMoreElements() { return it.hasNext(); }

            public K nextElement() { return it.next(); }
        };
    }

    public synchronized Enumeration<V> elements() {
        Iterator<V> it = values().iterator();
        return new Enumeration<V>() {
            public boolean hasMoreElements() { return it.hasNext(); }

            public V nextElement() { return it.next(); }
        };
    }

    public synchronized boolean contains(Object value) {
        if (value == null) throw new NullPointerException();
        Entry<?, ?>[] tab = table;
        for (int i = tab.length; i-- > 0;) {
            for (Entry<?, ?> e = tab[i]; e != null; e = e.next) if (e.value.equals(value)) return true;
        }
        return false;
    }

    public boolean containsValue(Object value) {
        return contains(value);
    }

    public synchronized boolean containsKey(Object key) {
        return getEntry(key) != null;
    }

    @SuppressWarnings("unchecked")
    private Entry<K, V> getEntry(Object key) {
        Entry<?, ?>[] tab = table;
        int hash = key.hashCode();
        int index = (hash & 0x7FFFFFFF) % tab.length;
        for (Entry<?, ?> e = tab[index]; e != null; e = e.next) {
            if ((e.hash == hash) && e.key.equals(key)) return (Entry<K, V>) e;
        }
        return null;
    }

    public synchronized V get(Object key) {
        Entry<K, V> e = getEntry(key);
        return e == null ? null : e.value;
    }

    @SuppressWarnings("unchecked")
    protected void rehash() {
        int oldCapacity = table.length;
        Entry<?, ?>[] oldMap = table;
        int newCapacity = (oldCapacity << 1) + 1;
        if (newCapacity - MAX_ARRAY_SIZE > 0) {
            if (oldCapacity == MAX_ARRAY_SIZE) return;
            newCapacity = MAX_ARRAY_SIZE;
        }
        Entry<?, ?>[] newMap = new Entry<?, ?>[newCapacity];
        modCount++;
        threshold = (int) Math.min(newCapacity * loadFactor, MAX_ARRAY_SIZE + 1);
        table = newMap;
        for (int i = oldCapacity; i-- > 0;) {
            for (Entry<K, V> old = (Entry<K, V>) oldMap[i]; old != null;) {
                Entry<K, V> e = old;
                old = old.next;
                int index = (e.hash & 0x7FFFFFFF) % newCapacity;
                e.next = (Entry<K, V>) newMap[index];
                newMap[index] = e;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void addEntry(int hash, K key, V value, int index) {
        Entry<?, ?>[] tab = table;
        if (count >= threshold) {
            rehash();
            tab = table;
            hash = key.hashCode();
            index = (hash & 0x7FFFFFFF) % tab.length;
        }
        Entry<K, V> e = (Entry<K, V>) tab[index];
        tab[index] = new Entry<>(hash, key, value, e);
        count++;
        modCount++;
    }

    public synchronized V put(K key, V value) {
        if (value == null) throw new NullPointerException();
        Entry<K, V> existing = getEntry(key);
        if (existing != null) {
            V old = existing.value;
            existing.value = value;
            return old;
        }
        int hash = key.hashCode();
        addEntry(hash, key, value, (hash & 0x7FFFFFFF) % table.length);
        return null;
    }

    @SuppressWarnings("unchecked")
    public synchronized V remove(Object key) {
        Entry<?, ?>[] tab = table;
        int hash = key.hashCode();
        int index = (hash & 0x7FFFFFFF) % tab.length;
        Entry<K, V> e = (Entry<K, V>) tab[index];
        for (Entry<K, V> prev = null; e != null; prev = e, e = e.next) {
            if ((e.hash == hash) && e.key.equals(key)) {
                if (prev != null) prev.next = e.next;
                else tab[index] = e.next;
                modCount++;
                count--;
                V oldValue = e.value;
                e.value = null;
                return oldValue;
            }
        }
        return null;
    }

    public synchronized void putAll(Map<? extends K, ? extends V> t) {
        for (Map.Entry<? extends K, ? extends V> e : t.entrySet()) put(e.getKey(), e.getValue());
    }

    public synchronized void clear() {
        Entry<?, ?>[] tab = table;
        for (int index = tab.length; --index >= 0;) tab[index] = null;
        modCount++;
        count = 0;
    }

    @SuppressWarnings("unchecked")
    public synchronized Object clone() {
        Hashtable<K, V> t;
        try {
            t = (Hashtable<K, V>) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new InternalError(e);
        }
        t.table = new Entry<?, ?>[table.length];
        for (int i = table.length; i-- > 0;) {
            Entry<K, V> copy = null, last = null;
            for (Entry<K, V> e = (Entry<K, V>) table[i]; e != null; e = e.next) {
                Entry<K, V> c = new Entry<>(e.hash, e.key, e.value, null);
                if (last == null) copy = c;
                else last.next = c;
                last = c;
            }
            t.table[i] = copy;
        }
        t.modCount = 0;
        return t;
    }

    public synchronized String toString() {
        int max = size() - 1;
        if (max == -1) return "{}";
        StringBuilder sb = new StringBuilder();
        Iterator<Map.Entry<K, V>> it = entrySet().iterator();
        sb.append('{');
        for (int i = 0;; i++) {
            Map.Entry<K, V> e = it.next();
            K key = e.getKey();
            V value = e.getValue();
            sb.append(key == this ? "(this Map)" : key.toString());
            sb.append('=');
            sb.append(value == this ? "(this Map)" : value.toString());
            if (i == max) return sb.append('}').toString();
            sb.append(", ");
        }
    }

    /** Walks buckets from the last to the first; fail-fast. kind: 0 keys, 1 values, 2 entries. */
    private final class Enumerator<T> implements Iterator<T> {
        final int kind;
        Entry<?, ?>[] tab = table;
        int index = tab.length;
        Entry<?, ?> entry;
        Entry<?, ?> lastReturned;
        int expectedModCount = modCount;

        Enumerator(int kind) {
            this.kind = kind;
        }

        public boolean hasNext() {
            Entry<?, ?> e = entry;
            int i = index;
            Entry<?, ?>[] t = tab;
            while (e == null && i > 0) e = t[--i];
            entry = e;
            index = i;
            return e != null;
        }

        @SuppressWarnings("unchecked")
        public T next() {
            if (modCount != expectedModCount) throw new ConcurrentModificationException();
            Entry<?, ?> et = entry;
            int i = index;
            Entry<?, ?>[] t = tab;
            while (et == null && i > 0) et = t[--i];
            entry = et;
            index = i;
            if (et != null) {
                Entry<?, ?> e = lastReturned = entry;
                entry = e.next;
                return kind == 0 ? (T) e.key : (kind == 1 ? (T) e.value : (T) e);
            }
            throw new NoSuchElementException("Hashtable Enumerator");
        }

        public void remove() {
            if (lastReturned == null) throw new IllegalStateException("Hashtable Enumerator");
            if (modCount != expectedModCount) throw new ConcurrentModificationException();
            synchronized (Hashtable.this) {
                Hashtable.this.remove(lastReturned.key);
                expectedModCount = modCount;
                lastReturned = null;
            }
        }
    }

    public Set<K> keySet() {
        return new AbstractSet<K>() {
            public Iterator<K> iterator() { return new Enumerator<>(0); }

            public int size() { return count; }

            public boolean contains(Object o) { return containsKey(o); }

            public boolean remove(Object o) { return Hashtable.this.remove(o) != null; }

            public void clear() { Hashtable.this.clear(); }
        };
    }

    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<Map.Entry<K, V>>() {
            public Iterator<Map.Entry<K, V>> iterator() { return new Enumerator<>(2); }

            public int size() { return count; }

            public void clear() { Hashtable.this.clear(); }
        };
    }

    public Collection<V> values() {
        return new AbstractCollection<V>() {
            public Iterator<V> iterator() { return new Enumerator<>(1); }

            public int size() { return count; }

            public boolean contains(Object o) { return containsValue(o); }

            public void clear() { Hashtable.this.clear(); }
        };
    }

    public synchronized boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof Map<?, ?> t)) return false;
        if (t.size() != size()) return false;
        for (Map.Entry<K, V> e : entrySet()) {
            K key = e.getKey();
            V value = e.getValue();
            if (!value.equals(t.get(key))) return false;
        }
        return true;
    }

    public synchronized int hashCode() {
        int h = 0;
        for (Map.Entry<K, V> e : entrySet()) h += e.hashCode();
        return h;
    }

    @Override
    public synchronized V getOrDefault(Object key, V defaultValue) {
        V result = get(key);
        return (null == result) ? defaultValue : result;
    }

    @Override
    public synchronized void forEach(BiConsumer<? super K, ? super V> action) {
        Objects.requireNonNull(action);
        int expectedModCount = modCount;
        for (Map.Entry<K, V> e : entrySet()) {
            action.accept(e.getKey(), e.getValue());
            if (expectedModCount != modCount) throw new ConcurrentModificationException();
        }
    }

    @Override
    public synchronized V putIfAbsent(K key, V value) {
        Objects.requireNonNull(value);
        Entry<K, V> e = getEntry(key);
        if (e != null) return e.value;
        int hash = key.hashCode();
        addEntry(hash, key, value, (hash & 0x7FFFFFFF) % table.length);
        return null;
    }

    @Override
    public synchronized V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        Objects.requireNonNull(mappingFunction);
        Entry<K, V> e = getEntry(key);
        if (e != null) return e.value;
        int mc = modCount;
        V newValue = mappingFunction.apply(key);
        if (mc != modCount) throw new ConcurrentModificationException();
        if (newValue != null) {
            int hash = key.hashCode();
            addEntry(hash, key, newValue, (hash & 0x7FFFFFFF) % table.length);
        }
        return newValue;
    }

    @Override
    public synchronized V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        Objects.requireNonNull(remappingFunction);
        Objects.requireNonNull(value);
        Entry<K, V> e = getEntry(key);
        if (e == null) {
            int hash = key.hashCode();
            addEntry(hash, key, value, (hash & 0x7FFFFFFF) % table.length);
            return value;
        }
        V newValue = remappingFunction.apply(e.value, value);
        if (newValue == null) remove(key);
        else e.value = newValue;
        return newValue;
    }
}
