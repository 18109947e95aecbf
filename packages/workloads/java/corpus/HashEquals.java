import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The equals/hashCode contract: missing hashCode, mutable keys, consistent overrides, inheritance pitfalls. */
public class HashEquals {
    static class NoHash {
        final int v;
        NoHash(int v) { this.v = v; }
        @Override public boolean equals(Object o) { return o instanceof NoHash n && n.v == v; }
        @Override public int hashCode() { return 1; }
    }
    static class Point {
        int x, y;
        Point(int x, int y) { this.x = x; this.y = y; }
        @Override public boolean equals(Object o) {
            if (this == o) return true;
            if (!(o instanceof Point)) return false;
            Point p = (Point) o;
            return x == p.x && y == p.y;
        }
        @Override public int hashCode() { return Objects.hash(x, y); }
        @Override public String toString() { return "(" + x + "," + y + ")"; }
    }
    static class ColorPoint extends Point {
        final String color;
        ColorPoint(int x, int y, String color) { super(x, y); this.color = color; }
        @Override public String toString() { return color + super.toString(); }
    }

    public static void main(String[] args) {
        Set<NoHash> s = new HashSet<>();
        for (int i = 0; i < 10; i++) s.add(new NoHash(i % 4));
        System.out.println("all in one bucket: " + s.size() + " " + s.contains(new NoHash(3)));
        Map<Point, String> m = new HashMap<>();
        Point key = new Point(1, 2);
        m.put(key, "first");
        System.out.println(m.get(new Point(1, 2)) + " " + key.hashCode());
        key.x = 10;
        System.out.println("after mutation: " + m.get(new Point(1, 2)) + " " + m.get(key) + " " + m.containsKey(key) + " " + m.size());
        Point p = new Point(3, 4);
        ColorPoint cp = new ColorPoint(3, 4, "red");
        System.out.println(p.equals(cp) + " " + cp.equals(p) + " " + (p.hashCode() == cp.hashCode()));
        Set<Point> pts = new HashSet<>();
        pts.add(p);
        pts.add(cp);
        System.out.println(pts.size() + " " + pts);
        System.out.println("ab".hashCode() + " " + "ba".hashCode() + " " + "Aa".hashCode() + " " + "BB".hashCode() + " " + Objects.hash("Aa") + " " + Objects.hash("BB", null));
        System.out.println(Integer.valueOf(7).hashCode() + " " + Long.valueOf(-7L).hashCode() + " " + Double.valueOf(0.1).hashCode() + " " + Float.valueOf(0.1f).hashCode() + " " + Boolean.hashCode(true) + " " + Character.hashCode('Z'));
        System.out.println(java.util.List.of(1, 2, 3).hashCode() + " " + java.util.Map.of("a", 1).hashCode() + " " + new java.util.TreeSet<>(java.util.List.of("x", "y")).hashCode());
        Map<Object, Integer> mixed = new HashMap<>();
        mixed.put(1, 1);
        mixed.put(1L, 2);
        mixed.put(1.0, 3);
        mixed.put("1", 4);
        mixed.put('1', 5);
        System.out.println(mixed.size() + " " + mixed.get(1) + " " + mixed.get(1L) + " " + mixed.get((short) 1));
    }
}
