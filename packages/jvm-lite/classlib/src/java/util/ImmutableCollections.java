package java.util;

import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The unmodifiable collections of List.of, Set.of and Map.of: no nulls (NullPointerException,
 * also from contains(null)), every mutator throws UnsupportedOperationException.
 *
 * Set.of and Map.of iterate in the order their elements were given. The JDK 17 order depends
 * on a SALT drawn at JVM start, so it differs from run to run there; programs cannot rely on it.
 */
final class ImmutableCollections {
    private ImmutableCollections() {
    }

    static UnsupportedOperationException uoe() {
        return new UnsupportedOperationException();
    }

    @SafeVarargs
    static <E> List<E> listOf(E... input) {
        Object[] tmp = new Object[input.length];
        for (int i = 0; i < input.length; i++) tmp[i] = Objects.requireNonNull(input[i]);
        return new ListN<>(tmp);
    }

    @SuppressWarnings("unchecked")
    static <E> List<E> listCopy(Collection<? extends E> coll) {
        if (coll instanceof ListN<?> && ((ListN<?>) coll).whole) return (List<E>) coll;
        return (List<E>) listOf(coll.toArray());
    }

    @SafeVarargs
    static <E> Set<E> setOf(E... input) {
        Object[] tmp = new Object[input.length];
        for (int i = 0; i < input.length; i++) {
            E e = Objects.requireNonNull(input[i]);
            for (int j = 0; j < i; j++) {
                if (tmp[j].equals(e)) throw new IllegalArgumentException("duplicate element: " + e);
            }
            tmp[i] = e;
        }
        return new SetN<>(tmp);
    }

    static <K, V> Map<K, V> mapOf(Object... kv) {
        if ((kv.length & 1) != 0) throw new InternalError("length is odd");
        Object[] table = new Object[kv.length];
        for (int i = 0; i < kv.length; i += 2) {
            Object k = Objects.requireNonNull(kv[i]);
            Object v = Objects.requireNonNull(kv[i + 1]);
            for (int j = 0; j < i; j += 2) {
                if (table[j].equals(k)) throw new IllegalArgumentException("duplicate key: " + k);
            }
            table[i] = k;
            table[i + 1] = v;
        }
        return new MapN<>(table);
    }

    abstract static class AbstractImmutableCollection<E> extends AbstractCollection<E> {
        @Override public boolean add(E e) { throw uoe(); }

        @Override public boolean addAll(Collection<? extends E> c) { throw uoe(); }

        @Override public void clear() { throw uoe(); }

        @Override public boolean remove(Object o) { throw uoe(); }

        @Override public boolean removeAll(Collection<?> c) { throw uoe(); }

        @Override public boolean removeIf(Predicate<? super E> filter) { throw uoe(); }

        @Override public boolean retainAll(Collection<?> c) { throw uoe(); }
    }

    static final class ListN<E> extends AbstractImmutableCollection<E> implements List<E>, RandomAccess {
        private final Object[] elements;
        private final int offset;
        private final int size;
        final boolean whole;

        ListN(Object[] elements) {
            this(elements, 0, elements.length, true);
        }

        private ListN(Object[] elements, int offset, int size, boolean whole) {
            this.elements = elements;
            this.offset = offset;
            this.size = size;
            this.whole = whole;
        }

        @Override public int size() { return size; }

        @Override public boolean isEmpty() { return size == 0; }

        @Override
        @SuppressWarnings("unchecked")
        public E get(int index) {
            // The JDK's List12 reports its own message; ListN fails on the array access itself.
            if (whole && size <= 2 && (index < 0 || index >= size)) {
                throw new IndexOutOfBoundsException("Index: " + index + " Size: " + size);
            }
            Objects.checkIndex(index, size);
            return (E) elements[offset + index];
        }

        @Override public Iterator<E> iterator() { return listIterator(0); }

        @Override public ListIterator<E> listIterator() { return listIterator(0); }

        @Override public ListIterator<E> listIterator(int index) {
            if (index < 0 || index > size) throw new IndexOutOfBoundsException("Index: " + index + " Size: " + size);
            return new ListIterator<E>() {
                int cursor = index;

                public boolean hasNext() { return cursor != size; }

                public E next() {
                    if (cursor >= size) throw new NoSuchElementException();
                    return get(cursor++);
                }

                public boolean hasPrevious() { return cursor != 0; }

                public E previous() {
                    if (cursor <= 0) throw new NoSuchElementException();
                    return get(--cursor);
                }

                public int nextIndex() { return cursor; }

                public int previousIndex() { return cursor - 1; }

                public void remove() { throw uoe(); }

                public void set(E e) { throw uoe(); }

                public void add(E e) { throw uoe(); }
            };
        }

        @Override public List<E> subList(int fromIndex, int toIndex) {
            AbstractList.subListRangeCheck(fromIndex, toIndex, size);
            return new ListN<>(elements, offset + fromIndex, toIndex - fromIndex, false);
        }

        @Override public int indexOf(Object o) {
            Objects.requireNonNull(o);
            for (int i = 0; i < size; i++) if (o.equals(elements[offset + i])) return i;
            return -1;
        }

        @Override public int lastIndexOf(Object o) {
            Objects.requireNonNull(o);
            for (int i = size - 1; i >= 0; i--) if (o.equals(elements[offset + i])) return i;
            return -1;
        }

        @Override public boolean contains(Object o) { return indexOf(o) >= 0; }

        @Override public Object[] toArray() {
            Object[] out = new Object[size];
            System.arraycopy(elements, offset, out, 0, size);
            return out;
        }

        @Override public void add(int index, E element) { throw uoe(); }

        @Override public boolean addAll(int index, Collection<? extends E> c) { throw uoe(); }

        @Override public E remove(int index) { throw uoe(); }

        @Override public void replaceAll(UnaryOperator<E> operator) { throw uoe(); }

        @Override public E set(int index, E element) { throw uoe(); }

        @Override public void sort(Comparator<? super E> c) { throw uoe(); }

        @Override public boolean equals(Object o) {
            if (o == this) return true;
            if (!(o instanceof List)) return false;
            Iterator<?> oit = ((List<?>) o).iterator();
            for (int i = 0; i < size; i++) {
                if (!oit.hasNext() || !elements[offset + i].equals(oit.next())) return false;
            }
            return !oit.hasNext();
        }

        @Override public int hashCode() {
            int hash = 1;
            for (int i = 0; i < size; i++) hash = 31 * hash + elements[offset + i].hashCode();
            return hash;
        }
    }

    static final class SetN<E> extends AbstractImmutableCollection<E> implements Set<E> {
        private final Object[] elements;

        SetN(Object[] elements) {
            this.elements = elements;
        }

        @Override public int size() { return elements.length; }

        @Override public boolean isEmpty() { return elements.length == 0; }

        @Override public boolean contains(Object o) {
            Objects.requireNonNull(o);
            for (Object e : elements) if (o.equals(e)) return true;
            return false;
        }

        @Override public Iterator<E> iterator() {
            return new Iterator<E>() {
                int i = 0;

                public boolean hasNext() { return i < elements.length; }

                @SuppressWarnings("unchecked")
                public E next() {
                    if (i >= elements.length) throw new NoSuchElementException();
                    return (E) elements[i++];
                }
            };
        }

        @Override public Object[] toArray() { return Arrays.copyOf(elements, elements.length); }

        @Override public boolean equals(Object o) {
            if (o == this) return true;
            if (!(o instanceof Set)) return false;
            Collection<?> c = (Collection<?>) o;
            if (c.size() != elements.length) return false;
            for (Object e : c) if (e == null || !contains(e)) return false;
            return true;
        }

        @Override public int hashCode() {
            int h = 0;
            for (Object e : elements) h += e.hashCode();
            return h;
        }
    }

    /** Keys at even and values at odd indices, in the order given. */
    static final class MapN<K, V> extends AbstractMap<K, V> {
        private final Object[] table;

        MapN(Object[] table) {
            this.table = table;
        }

        private int indexOf(Object key) {
            Objects.requireNonNull(key);
            for (int i = 0; i < table.length; i += 2) if (key.equals(table[i])) return i;
            return -1;
        }

        @Override public int size() { return table.length / 2; }

        @Override public boolean isEmpty() { return table.length == 0; }

        @Override public boolean containsKey(Object o) { return indexOf(o) >= 0; }

        @Override public boolean containsValue(Object o) {
            Objects.requireNonNull(o);
            for (int i = 1; i < table.length; i += 2) if (o.equals(table[i])) return true;
            return false;
        }

        @Override
        @SuppressWarnings("unchecked")
        public V get(Object o) {
            int i = indexOf(o);
            return i < 0 ? null : (V) table[i + 1];
        }

        @Override public Set<Map.Entry<K, V>> entrySet() {
            return new AbstractSet<Map.Entry<K, V>>() {
                @Override public int size() { return table.length / 2; }

                @Override public Iterator<Map.Entry<K, V>> iterator() {
                    return new Iterator<Map.Entry<K, V>>() {
                        int i = 0;

                        public boolean hasNext() { return i < table.length; }

                        @SuppressWarnings("unchecked")
                        public Map.Entry<K, V> next() {
                            if (i >= table.length) throw new NoSuchElementException();
                            Map.Entry<K, V> e = new KeyValueHolder<>((K) table[i], (V) table[i + 1]);
                            i += 2;
                            return e;
                        }
                    };
                }
            };
        }

        @Override public V put(K key, V value) { throw uoe(); }

        @Override public V remove(Object key) { throw uoe(); }

        @Override public void putAll(Map<? extends K, ? extends V> m) { throw uoe(); }

        @Override public void clear() { throw uoe(); }

        @Override public V putIfAbsent(K key, V value) { throw uoe(); }

        @Override public V compute(K key, java.util.function.BiFunction<? super K, ? super V, ? extends V> f) { throw uoe(); }

        @Override public V computeIfAbsent(K key, java.util.function.Function<? super K, ? extends V> f) { throw uoe(); }

        @Override public V computeIfPresent(K key, java.util.function.BiFunction<? super K, ? super V, ? extends V> f) { throw uoe(); }

        @Override public V merge(K key, V value, java.util.function.BiFunction<? super V, ? super V, ? extends V> f) { throw uoe(); }

        @Override public boolean remove(Object key, Object value) { throw uoe(); }

        @Override public V replace(K key, V value) { throw uoe(); }

        @Override public boolean replace(K key, V oldValue, V newValue) { throw uoe(); }

        @Override public void replaceAll(java.util.function.BiFunction<? super K, ? super V, ? extends V> f) { throw uoe(); }

        @Override public int hashCode() {
            int h = 0;
            for (int i = 0; i < table.length; i += 2) h += table[i].hashCode() ^ table[i + 1].hashCode();
            return h;
        }
    }
}
