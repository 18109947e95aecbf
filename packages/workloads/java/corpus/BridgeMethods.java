import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Covariant returns and generic overrides that need bridge methods; erasure-based dispatch through raw types. */
public class BridgeMethods {
    static class Base implements Cloneable {
        Base copy() { return new Base(); }
        @Override public String toString() { return "Base"; }
    }
    static class Derived extends Base {
        @Override Derived copy() { return new Derived(); }
        @Override public String toString() { return "Derived"; }
    }
    interface Transformer<T> { T transform(T t); }
    static class Upper implements Transformer<String> {
        public String transform(String s) { return s.toUpperCase(); }
    }
    static abstract class Node<T extends Comparable<T>> implements Comparable<Node<T>> {
        abstract T key();
        public int compareTo(Node<T> o) { return key().compareTo(o.key()); }
    }
    static class IntNode extends Node<Integer> {
        final int k;
        IntNode(int k) { this.k = k; }
        Integer key() { return k; }
        @Override public String toString() { return "N" + k; }
    }
    static class ByLength implements Comparator<String> {
        public int compare(String a, String b) { return a.length() - b.length(); }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) {
        Base b = new Derived();
        System.out.println(b.copy() + " " + new Base().copy());
        Transformer<String> t = new Upper();
        System.out.println(t.transform("bridge"));
        Transformer raw = t;
        System.out.println(raw.transform("raw call"));
        try {
            raw.transform(42);
        } catch (ClassCastException e) {
            System.out.println("bridge cast failed as expected");
        }
        List<IntNode> nodes = new ArrayList<>();
        for (int k : new int[] {5, 2, 9, 1}) nodes.add(new IntNode(k));
        java.util.Collections.sort(nodes);
        System.out.println(nodes);
        Comparable c = nodes.get(0);
        System.out.println(c.compareTo(nodes.get(1)));
        List<String> words = new ArrayList<>(List.of("ccc", "a", "bb"));
        words.sort(new ByLength());
        System.out.println(words);
        List rawList = new ArrayList();
        rawList.add("s");
        rawList.add(1);
        System.out.println(rawList);
        List<String> heap = rawList;
        try {
            String s = heap.get(1);
            System.out.println(s);
        } catch (ClassCastException e) {
            System.out.println("heap pollution detected at use site");
        }
    }
}
