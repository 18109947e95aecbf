import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/** User collections on the skeletal classes: AbstractList, AbstractMap/AbstractSet, a hand-written Iterable. */
public class CustomCollections {
    static class Range extends AbstractList<Integer> {
        final int from, to;
        Range(int from, int to) { this.from = from; this.to = to; }
        @Override public Integer get(int i) { if (i < 0 || i >= size()) throw new IndexOutOfBoundsException("idx " + i); return from + i; }
        @Override public int size() { return to - from; }
    }

    static class ArrayMap<K, V> extends AbstractMap<K, V> {
        final Object[] keys = new Object[16];
        final Object[] vals = new Object[16];
        int n = 0;
        @Override public V put(K k, V v) {
            for (int i = 0; i < n; i++) if (keys[i].equals(k)) { @SuppressWarnings("unchecked") V old = (V) vals[i]; vals[i] = v; return old; }
            keys[n] = k; vals[n++] = v;
            return null;
        }
        @Override public Set<Map.Entry<K, V>> entrySet() {
            return new AbstractSet<>() {
                @Override public int size() { return n; }
                @Override public Iterator<Map.Entry<K, V>> iterator() {
                    return new Iterator<>() {
                        int i = 0;
                        public boolean hasNext() { return i < n; }
                        @SuppressWarnings("unchecked")
                        public Map.Entry<K, V> next() {
                            if (i >= n) throw new NoSuchElementException();
                            int at = i++;
                            return new AbstractMap.SimpleEntry<>((K) keys[at], (V) vals[at]);
                        }
                    };
                }
            };
        }
    }

    static class Stack<T> implements Iterable<T> {
        private static class Node<T> { final T v; final Node<T> next; Node(T v, Node<T> next) { this.v = v; this.next = next; } }
        private Node<T> head;
        private int size;
        void push(T v) { head = new Node<>(v, head); size++; }
        T pop() { T v = head.v; head = head.next; size--; return v; }
        public Iterator<T> iterator() {
            return new Iterator<T>() {
                Node<T> cur = head;
                public boolean hasNext() { return cur != null; }
                public T next() { T v = cur.v; cur = cur.next; return v; }
            };
        }
    }

    public static void main(String[] args) {
        Range r = new Range(3, 9);
        System.out.println(r + " " + r.size() + " " + r.contains(5) + " " + r.indexOf(8) + " " + r.subList(1, 3) + " " + r.hashCode() + " " + r.equals(java.util.List.of(3, 4, 5, 6, 7, 8)));
        try {
            r.add(1);
        } catch (UnsupportedOperationException e) {
            System.out.println("AbstractList.add unsupported");
        }
        java.util.ListIterator<Integer> li = r.listIterator(r.size());
        StringBuilder sb = new StringBuilder();
        while (li.hasPrevious()) sb.append(li.previous());
        System.out.println(sb);
        ArrayMap<String, Integer> m = new ArrayMap<>();
        m.put("one", 1); m.put("two", 2); m.put("three", 3); m.put("two", 22);
        System.out.println(m + " " + m.size() + " " + m.get("two") + " " + m.containsKey("three") + " " + m.containsValue(1) + " " + m.keySet() + " " + m.values());
        System.out.println(m.equals(java.util.Map.of("one", 1, "two", 22, "three", 3)) + " " + m.hashCode() + " " + m.isEmpty());
        Stack<String> st = new Stack<>();
        for (String s : "a b c d".split(" ")) st.push(s);
        for (String s : st) System.out.print(s);
        System.out.println(" pop " + st.pop() + " size " + st.size);
        AbstractMap.SimpleEntry<String, Integer> e = new AbstractMap.SimpleEntry<>("k", 1);
        e.setValue(5);
        System.out.println(e + " " + e.hashCode() + " " + e.equals(Map.entry("k", 5)) + " " + new AbstractMap.SimpleImmutableEntry<>("x", null));
    }
}
