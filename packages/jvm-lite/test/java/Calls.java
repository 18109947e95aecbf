/**
 * Hot calls between compiled methods (the compiling tier calls compiled code directly): virtual,
 * interface, static and constructor calls with int/long/double/reference arguments and returns,
 * exceptions thrown by a compiled callee and caught by a compiled caller, recursion deep enough to
 * overflow the stack, allocation churn, and a megamorphic call site.
 */
public class Calls {
    interface Shape { double area(); }
    static final class Sq implements Shape { final double s; Sq(double s) { this.s = s; } public double area() { return s * s; } }
    static final class Rect implements Shape { final double w, h; Rect(double w, double h) { this.w = w; this.h = h; } public double area() { return w * h; } }
    static final class Tri implements Shape { final double b, h; Tri(double b, double h) { this.b = b; this.h = h; } public double area() { return b * h / 2; } }
    static abstract class Animal { abstract int legs(); int twice() { return legs() * 2; } }
    static final class Dog extends Animal { int legs() { return 4; } }
    static final class Bird extends Animal { int legs() { return 2; } }
    static final class Fish extends Animal { int legs() { return 0; } }

    static long mix(long a, int b, double c, Object o) { return a * 31 + b + (long) c + (o == null ? 7 : o.hashCode() & 1); }
    static int divide(int a, int b) { return a / b; }
    static int safeDivide(int a, int b) { try { return divide(a, b); } catch (ArithmeticException e) { return -1; } }
    static int[] at(int[] a, int i) { a[i]++; return a; }
    static int depth(int n) { return n == 0 ? 0 : 1 + depth(n - 1); }
    static int forever(int n) { return forever(n + 1) + 1; }
    static int thrower(int d) {
        if (d == 0) throw new IllegalStateException("deep");
        return thrower(d - 1) + 1;
    }

    static final class Node {
        final Node l, r;
        Node(Node l, Node r) { this.l = l; this.r = r; }
        int count() { return l == null ? 1 : 1 + l.count() + r.count(); }
    }
    static Node tree(int d) { return d == 0 ? new Node(null, null) : new Node(tree(d - 1), tree(d - 1)); }

    public static void main(String[] args) {
        long acc = 0;
        for (int i = 0; i < 20000; i++) acc = mix(acc, i, i * 0.5, (i & 3) == 0 ? null : "x");
        System.out.println("mix " + acc);

        int errors = 0, sum = 0;
        for (int i = 0; i < 20000; i++) {
            int r = safeDivide(i, i % 7);
            if (r < 0) errors++; else sum += r;
        }
        System.out.println("divide " + errors + " " + sum);

        int[] a = new int[5];
        int caught = 0;
        for (int i = 0; i < 6000; i++) {
            try { at(a, i % 6); } catch (ArrayIndexOutOfBoundsException e) { caught++; }
        }
        System.out.println("index " + a[0] + " " + a[4] + " " + caught);

        Shape[] shapes = { new Sq(2), new Rect(2, 3), new Tri(4, 5) };
        double area = 0;
        for (int i = 0; i < 30000; i++) area += shapes[i % 3].area();
        System.out.println("area " + area);
        Animal[] zoo = { new Dog(), new Bird(), new Fish() };
        int legs = 0;
        for (int i = 0; i < 30000; i++) legs += zoo[i % 3].twice();
        System.out.println("legs " + legs);

        int total = 0;
        for (int i = 0; i < 3000; i++) total += depth(i % 300);
        System.out.println("depth " + total);

        int nodes = 0;
        for (int i = 0; i < 200; i++) nodes += tree(10).count();
        System.out.println("nodes " + nodes);

        for (int i = 0; i < 3; i++) {
            try {
                forever(0);
            } catch (StackOverflowError e) {
                System.out.println("overflow " + (e.getStackTrace().length > 0));
            }
        }
        // Math natives that compiled code inlines: exact ones printed in full, the others rounded
        // (the host libm may differ from HotSpot's in the last ulp, compiled or not).
        double exact = 0, approx = 0;
        double[] specials = { 0.0, -0.0, 1e-310, 2.5, -2.5, 1e300, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY };
        for (int i = 0; i < 20000; i++) {
            double x = i * 0.37 - 100;
            exact += Math.sqrt(Math.abs(x)) + Math.floor(x) - Math.ceil(x * 0.5);
            approx += Math.sin(x) + Math.atan2(x, 3) + Math.hypot(x, 4) + Math.exp(-Math.abs(x)) + Math.log1p(Math.abs(x));
        }
        StringBuilder sb = new StringBuilder();
        for (double d : specials) sb.append(Math.sqrt(d)).append(' ').append(Math.floor(d)).append(' ').append(Math.ceil(d)).append(' ');
        System.out.println("math " + exact + " " + String.format("%.6f", approx) + " " + sb);
        long cells = 0;
        int negative = 0;
        for (int i = 0; i < 20000; i++) {
            int[] xs = new int[i % 50];
            double[] ds = new double[i % 3];
            Object[] os = new String[i % 7];
            cells += xs.length + ds.length + os.length;
            try {
                if (i % 1000 == 999) cells += new long[i % 1000 - 1000].length;
            } catch (NegativeArraySizeException e) {
                negative++;
            }
        }
        System.out.println("arrays " + cells + " " + negative);
        int thrown = 0;
        for (int i = 0; i < 5000; i++) {
            try { thrower(i % 4); } catch (IllegalStateException e) { thrown++; }
        }
        System.out.println("thrown " + thrown);
        try {
            thrower(3);
        } catch (IllegalStateException e) {
            e.printStackTrace(); // the frames of compiled callers, with their call sites' lines
        }
        Node n = null;
        try {
            for (int i = 0; i < 5000; i++) if (i == 4999) n.count(); else tree(1).count();
        } catch (NullPointerException e) {
            System.out.println("npe " + e.getMessage());
            StackTraceElement[] st = e.getStackTrace();
            System.out.println(st[0].getMethodName() + ":" + st[0].getLineNumber());
        }
    }
}
