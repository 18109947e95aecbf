import java.util.List;

/** instanceof patterns, sealed interfaces with records, exhaustive dispatch without preview features. */
public class PatternMatching {
    sealed interface Shape permits Circle, Square, Rectangle {}
    record Circle(double radius) implements Shape {}
    record Square(double side) implements Shape {}
    static final class Rectangle implements Shape {
        final double w, h;
        Rectangle(double w, double h) { this.w = w; this.h = h; }
    }

    sealed interface Expr permits Num, Add, Mul, Neg {}
    record Num(int v) implements Expr {}
    record Add(Expr l, Expr r) implements Expr {}
    record Mul(Expr l, Expr r) implements Expr {}
    record Neg(Expr e) implements Expr {}

    static double area(Shape s) {
        if (s instanceof Circle c) return Math.PI * c.radius() * c.radius();
        if (s instanceof Square sq && sq.side() > 0) return sq.side() * sq.side();
        if (s instanceof Rectangle r) return r.w * r.h;
        return 0;
    }

    static int eval(Expr e) {
        if (e instanceof Num n) return n.v();
        if (e instanceof Add a) return eval(a.l()) + eval(a.r());
        if (e instanceof Mul m) return eval(m.l()) * eval(m.r());
        if (e instanceof Neg n) return -eval(n.e());
        throw new IllegalStateException();
    }

    static String show(Expr e) {
        if (e instanceof Num n) return Integer.toString(n.v());
        if (e instanceof Add a) return "(" + show(a.l()) + " + " + show(a.r()) + ")";
        if (e instanceof Mul m) return show(m.l()) + " * " + show(m.r());
        if (!(e instanceof Neg n)) throw new IllegalStateException();
        return "-" + show(n.e());
    }

    static String describe(Object o) {
        if (o instanceof Integer i && i > 10) return "big int " + i;
        else if (o instanceof Integer i) return "int " + i;
        else if (o instanceof String s && !s.isEmpty()) return "string of " + s.length();
        else if (o instanceof int[] arr) return "int array of " + arr.length;
        else if (o instanceof List<?> l) return "list " + l;
        return "other " + o;
    }

    public static void main(String[] args) {
        Shape[] shapes = { new Circle(1), new Square(2), new Rectangle(2, 3), new Square(-1) };
        for (Shape s : shapes) System.out.printf("%s %.4f%n", s.getClass().getSimpleName(), area(s));
        Expr e = new Add(new Num(2), new Mul(new Num(3), new Neg(new Num(4))));
        System.out.println(show(e) + " = " + eval(e));
        System.out.println(e);
        Object[] things = { 5, 50, "hey", "", new int[3], List.of(1, 2), 2.5, null };
        for (Object o : things) System.out.println(describe(o));
        System.out.println(Shape.class.isSealed() + " " + Circle.class.isRecord());
    }
}
