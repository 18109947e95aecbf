import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Records: generated toString/equals/hashCode, compact and canonical constructors, statics, nesting. */
public class Records {
    record Point(int x, int y) {
        static final Point ORIGIN = new Point(0, 0);
        Point { if (x < 0) throw new IllegalArgumentException("negative x: " + x); }
        double dist() { return Math.sqrt(x * x + y * y); }
        Point plus(Point o) { return new Point(x + o.x, y + o.y); }
    }
    record Named(String name, double weight, long id, boolean flag, char c) {}
    record Range(int lo, int hi) {
        Range(int lo, int hi) {
            this.lo = Math.min(lo, hi);
            this.hi = Math.max(lo, hi);
        }
        Range(int single) { this(single, single); }
    }
    record Wrapper<T>(T value, Point at) {}
    record Empty() {}
    record WithArray(int[] data) {}

    interface HasArea { double area(); }
    record Rect(double w, double h) implements HasArea {
        public double area() { return w * h; }
        @Override public String toString() { return "Rect " + w + "x" + h; }
    }

    public static void main(String[] args) {
        Point p = new Point(3, 4);
        System.out.println(p + " dist " + p.dist() + " x=" + p.x() + " y=" + p.y());
        System.out.println(p.equals(new Point(3, 4)) + " " + p.equals(new Point(4, 3)) + " " + p.equals(null));
        System.out.println(p.hashCode() + " " + new Point(3, 4).hashCode() + " " + Point.ORIGIN.hashCode());
        System.out.println(p.plus(new Point(1, 1)));
        Named n = new Named("widget", 2.5, 1234567890123L, true, 'Z');
        System.out.println(n);
        System.out.println(n.hashCode() == new Named("widget", 2.5, 1234567890123L, true, 'Z').hashCode());
        System.out.println(new Named(null, -0.0, 0, false, 'a'));
        System.out.println(new Named(null, 0.0, 0, false, 'a').equals(new Named(null, -0.0, 0, false, 'a')));
        System.out.println(new Range(9, 2) + " " + new Range(5));
        Wrapper<String> w = new Wrapper<>("v", Point.ORIGIN);
        System.out.println(w + " " + w.hashCode());
        System.out.println(new Empty() + " " + new Empty().equals(new Empty()) + " " + new Empty().hashCode());
        int[] arr = {1, 2};
        System.out.println(new WithArray(arr).equals(new WithArray(arr)) + " " + new WithArray(arr).equals(new WithArray(new int[] {1, 2})));
        HasArea r = new Rect(2, 3.5);
        System.out.println(r + " area " + r.area());
        try {
            new Point(-1, 0);
        } catch (IllegalArgumentException e) {
            System.out.println("caught " + e.getMessage());
        }
        Map<Point, String> names = new HashMap<>();
        names.put(new Point(1, 2), "a");
        names.put(new Point(1, 2), "b");
        names.put(new Point(2, 1), "c");
        System.out.println(names.size() + " " + names.get(new Point(1, 2)));
        Set<Named> set = new HashSet<>();
        set.add(new Named("k", 1, 1, true, 'k'));
        System.out.println(set.contains(new Named("k", 1, 1, true, 'k')));
        System.out.println(new Point(Integer.MAX_VALUE, Integer.MIN_VALUE).hashCode());
        System.out.println(new Named("s", Double.NaN, -1L, true, '\n').hashCode());
    }
}
