import java.util.*;
import java.util.function.*;

/** Dispatch (virtual, interface, default, private nestmates, super), init order, records, lambdas, inner classes. */
public class Objs {
    interface Shape { double area(); default String describe() { return name() + " area " + area(); } String name(); }
    interface Named { default String tag() { return "named"; } }
    static abstract class Base implements Shape {
        static { System.out.println("Base.<clinit>"); }
        Base() { System.out.println("Base() sees " + name()); }
        public String name() { return "base"; }
    }
    static final class Circle extends Base implements Named {
        static { System.out.println("Circle.<clinit>"); }
        final double r;
        Circle(double r) { super(); this.r = r; }
        public double area() { return Math.PI * r * r; }
        @Override public String name() { return "circle(" + r + ")"; }
        public String tag() { return "circle-" + Named.super.tag(); }
    }
    record Point(int x, int y) {
        Point { if (x < 0) throw new IllegalArgumentException("x < 0"); }
        int dist() { return Math.abs(x) + Math.abs(y); }
    }
    record Pair<A, B>(A a, B b, double w, long id) {}
    sealed interface Expr permits Num, Add {}
    record Num(int v) implements Expr {}
    record Add(Expr l, Expr r) implements Expr {}
    static int eval(Expr e) { return e instanceof Num n ? n.v() : e instanceof Add a ? eval(a.l()) + eval(a.r()) : 0; }
    class Inner { int v = outerField * 2; }
    int outerField = 21;
    private int secret() { return 7; }
    static class Lazy { static final Object INSTANCE; static { System.out.println("Lazy init"); INSTANCE = new Object(); } }

    public static void main(String[] args) {
        System.out.println("main starts");
        Shape s = new Circle(2);
        System.out.println(s.describe() + " " + ((Named) s).tag() + " " + (s instanceof Named) + " " + s.getClass().getName() + " " + s.getClass().getSimpleName());
        Point p = new Point(3, -4), q = new Point(3, -4);
        System.out.println(p + " " + p.equals(q) + " " + (p.hashCode() == q.hashCode()) + " " + p.hashCode() + " " + p.dist());
        Pair<String, Integer> pr = new Pair<>("k", 9, 0.5, 77L);
        System.out.println(pr + " " + pr.hashCode() + " " + pr.equals(new Pair<>("k", 9, 0.5, 77L)) + " " + pr.equals(null));
        try { new Point(-1, 0); } catch (IllegalArgumentException e) { System.out.println(e); }
        System.out.println(eval(new Add(new Num(2), new Add(new Num(3), new Num(4)))));
        Objs o = new Objs();
        Objs.Inner in = o.new Inner();
        System.out.println(in.v + " " + o.secret());
        int base = 10;
        IntBinaryOperator add = (a, b) -> a + b + base;
        Function<Integer, Integer> sq = x -> x * x;
        BiFunction<String, Integer, String> rep = String::repeat;
        Supplier<List<String>> mk = ArrayList::new;
        Function<String, Integer> len = String::length;
        ToIntFunction<String> len2 = String::length;
        UnaryOperator<String> up = String::toUpperCase;
        Comparator<String> cmp = Comparator.comparing(String::length);
        List<String> l = mk.get();
        l.add("ccc"); l.add("a"); l.add("bb");
        l.sort(cmp.thenComparing(Comparator.reverseOrder()));
        Runnable r = () -> System.out.println("run " + base);
        r.run();
        System.out.println(add.applyAsInt(1, 2) + " " + sq.apply(9) + " " + rep.apply("ab", 2) + " " + len.apply("four") + " " + len2.applyAsInt("xy") + " " + up.apply("up") + " " + l);
        Object lazyRef = null;
        System.out.println("before lazy");
        lazyRef = Lazy.INSTANCE;
        System.out.println(lazyRef != null);
        int[][] grid = new int[3][4];
        grid[1][2] = 5;
        long[][][] cube = new long[2][2][2];
        cube[1][1][1] = 9L;
        Object arr = grid;
        System.out.println(Arrays.deepToString(grid) + " " + cube[1][1][1] + " " + (arr instanceof int[][]) + " " + grid.getClass().getName() + " " + grid.clone()[1][2] + " " + new String[0].getClass().getSimpleName());
    }
}
