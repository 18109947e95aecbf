import java.util.ArrayList;
import java.util.List;

/** Generic classes, bounded type parameters, wildcards, generic methods and bridge methods. */
public class Generics {
    static class Box<T> {
        private T value;
        Box(T value) { this.value = value; }
        T get() { return value; }
        void set(T value) { this.value = value; }
        <R> Box<R> map(java.util.function.Function<? super T, ? extends R> f) { return new Box<>(f.apply(value)); }
        @Override public String toString() { return "Box(" + value + ")"; }
    }

    static class Pair<A, B> {
        final A first;
        final B second;
        Pair(A first, B second) { this.first = first; this.second = second; }
        Pair<B, A> swap() { return new Pair<>(second, first); }
        @Override public String toString() { return "(" + first + ", " + second + ")"; }
    }

    static <T extends Comparable<T>> T max(List<T> items) {
        T best = items.get(0);
        for (T t : items) if (t.compareTo(best) > 0) best = t;
        return best;
    }

    static double sum(List<? extends Number> numbers) {
        double s = 0;
        for (Number n : numbers) s += n.doubleValue();
        return s;
    }

    static void fill(List<? super Integer> sink, int n) {
        for (int i = 0; i < n; i++) sink.add(i * i);
    }

    interface Shape { double area(); }
    static class Square implements Shape, Comparable<Square> {
        final int side;
        Square(int side) { this.side = side; }
        public double area() { return side * side; }
        public int compareTo(Square o) { return Integer.compare(side, o.side); }
        @Override public String toString() { return "Square" + side; }
    }

    static abstract class Animal<T extends Animal<T>> {
        abstract T self();
        String who() { return self().getClass().getSimpleName(); }
    }
    static class Cat extends Animal<Cat> { Cat self() { return this; } }

    static <K, V extends Comparable<V>> K argMax(java.util.Map<K, V> map) {
        K best = null;
        V bestV = null;
        for (java.util.Map.Entry<K, V> e : map.entrySet()) {
            if (bestV == null || e.getValue().compareTo(bestV) > 0) { best = e.getKey(); bestV = e.getValue(); }
        }
        return best;
    }

    @SafeVarargs
    static <T> List<T> listOf(T... items) {
        List<T> out = new ArrayList<>();
        for (T t : items) out.add(t);
        return out;
    }

    public static void main(String[] args) {
        Box<String> b = new Box<>("hello");
        System.out.println(b + " -> " + b.map(String::length));
        b.set("generic");
        System.out.println(b.get().toUpperCase());
        Pair<String, Integer> p = new Pair<>("one", 1);
        System.out.println(p + " swapped " + p.swap());
        System.out.println(max(listOf(3, 9, 2, 7)));
        System.out.println(max(listOf("pear", "apple", "zucchini", "fig")));
        System.out.println(max(listOf(new Square(3), new Square(5), new Square(4))));
        System.out.println(sum(listOf(1, 2.5, 3L, 4.25f)));
        List<Number> sink = new ArrayList<>();
        fill(sink, 5);
        System.out.println(sink);
        List<Object> objs = new ArrayList<>();
        fill(objs, 3);
        objs.add("str");
        System.out.println(objs);
        System.out.println(new Cat().who());
        java.util.Map<String, Integer> scores = new java.util.TreeMap<>();
        scores.put("ann", 3); scores.put("bob", 11); scores.put("cy", 7);
        System.out.println(argMax(scores));
        Box<List<Pair<String, Double>>> nested = new Box<>(new ArrayList<>());
        nested.get().add(new Pair<>("pi", 3.14159));
        nested.get().add(new Pair<>("e", 2.71828));
        System.out.println(nested);
        Comparable<Square> c = new Square(2);
        System.out.println(c.compareTo(new Square(2)) + " " + c.compareTo(new Square(1)));
        Shape[] shapes = { new Square(1), () -> 2.5, new Square(3) };
        double total = 0;
        for (Shape s : shapes) total += s.area();
        System.out.println("total area " + total);
    }
}
