import java.util.ArrayList;
import java.util.List;

/** Varargs resolution, boxing/unboxing, the Integer cache and ==, overload selection with widening and boxing. */
public class VarargsBoxing {
    static String f(int... xs) { return "int... of " + xs.length; }
    static String f(int a, int b) { return "two ints"; }
    static String g(Object o) { return "Object"; }
    static String g(long l) { return "long"; }
    static String g(Integer i) { return "Integer"; }
    static String h(double d) { return "double"; }
    static String h(Object o) { return "Object"; }
    static String k(Object... os) { return "Object... " + (os == null ? "null" : os.length); }
    static int sum(int... xs) { int s = 0; for (int x : xs) s += x; return s; }
    static String join(String sep, Object... parts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) { if (i > 0) sb.append(sep); sb.append(parts[i]); }
        return sb.toString();
    }

    public static void main(String[] args) {
        System.out.println(f() + ", " + f(1) + ", " + f(1, 2) + ", " + f(1, 2, 3) + ", " + f(new int[] {4, 5, 6, 7}));
        byte bt = 1;
        char ch = 'c';
        System.out.println(g(5) + " " + g(bt) + " " + g(ch) + " " + g(5L) + " " + g("s") + " " + g(Integer.valueOf(5)));
        System.out.println(h(5) + " " + h(5f) + " " + h('x') + " " + h(true));
        System.out.println(k() + ", " + k((Object[]) null) + ", " + k((Object) null) + ", " + k(1, "a") + ", " + k((Object[]) new String[] {"x", "y"}));
        System.out.println(sum() + " " + sum(1, 2, 3, 4) + " " + join("-", 1, 'c', 2.5, "s", null, true));
        Integer a = 127, b = 127, c = 128, d = 128;
        System.out.println((a == b) + " " + (c == d) + " " + c.equals(d) + " " + (c.intValue() == d));
        Integer m1 = -128, m2 = -128, m3 = -129, m4 = -129;
        System.out.println((m1 == m2) + " " + (m3 == m4));
        Long l1 = 127L, l2 = 127L, l3 = 128L, l4 = 128L;
        System.out.println((l1 == l2) + " " + (l3 == l4) + " " + l1.equals(127) + " " + l1.equals(127L));
        Character c1 = 'a', c2 = 'a';
        Boolean b1 = true, b2 = Boolean.valueOf("TRUE");
        Short s1 = 100, s2 = 100;
        Byte y1 = (byte) 200, y2 = (byte) 200;
        System.out.println((c1 == c2) + " " + (b1 == b2) + " " + (s1 == s2) + " " + (y1 == y2) + " " + Boolean.parseBoolean("yes"));
        System.out.println((Integer.valueOf(1000) == Integer.valueOf(1000)) + " " + (Integer.valueOf(100) == Integer.valueOf(100)) + " " + Integer.valueOf(5).equals(5));
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < 5; i++) list.add(i * 100);
        list.remove(1);
        list.remove(Integer.valueOf(300));
        System.out.println(list);
        Integer n = null;
        try {
            int bad = n;
            System.out.println(bad);
        } catch (NullPointerException e) {
            System.out.println("unboxing null throws NPE");
        }
        Integer x = 5;
        x++;
        x += 10;
        Double dd = 2.5;
        dd *= 2;
        System.out.println(x + " " + dd + " " + (x > dd) + " " + (x + dd));
        Object o = true ? 1 : "s";
        Object o2 = true ? 1 : 2.0;
        System.out.println(o.getClass().getSimpleName() + " " + o2 + " " + o2.getClass().getSimpleName());
        long total = 0;
        Long boxed = 0L;
        for (int i = 0; i < 1000; i++) { boxed += i; total += i; }
        System.out.println(boxed + " " + total + " " + boxed.equals(total));
        System.out.println(Integer.valueOf(42).hashCode() + " " + Boolean.TRUE.hashCode() + " " + Boolean.FALSE.hashCode() + " " + Character.valueOf('a').hashCode() + " " + Double.valueOf(1.0).hashCode() + " " + Long.valueOf(1L << 32).hashCode());
        System.out.println(Integer.valueOf(3).compareTo(7) + " " + Boolean.compare(true, false) + " " + Character.compare('b', 'a') + " " + Boolean.logicalXor(true, false));
    }
}
