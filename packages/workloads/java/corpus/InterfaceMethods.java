/** Interfaces: default, static and private methods, diamond resolution with X.super.m(), constants, abstract classes. */
public class InterfaceMethods {
    interface Greeter {
        String PREFIX = "Hello";
        String name();
        default String greet() { return PREFIX + ", " + decorate(name()); }
        private String decorate(String s) { return "<" + s + ">"; }
        static Greeter of(String n) { return () -> n; }
    }
    interface Loud extends Greeter {
        @Override default String greet() { return Greeter.super.greet().toUpperCase() + "!"; }
    }
    interface Left { default String who() { return "left"; } }
    interface Right { default String who() { return "right"; } }
    static class Both implements Left, Right {
        public String who() { return Left.super.who() + "+" + Right.super.who(); }
    }
    interface Counter {
        int value();
        default Counter plus(int n) { int v = value() + n; return () -> v; }
        static Counter zero() { return () -> 0; }
    }
    static abstract class Shape {
        private static int created = 0;
        protected final String label;
        Shape(String label) { this.label = label; created++; }
        abstract double area();
        public String toString() { return label + String.format("[%.2f]", area()); }
        static int created() { return created; }
    }
    static class Circle extends Shape {
        final double r;
        Circle(double r) { super("circle"); this.r = r; }
        double area() { return Math.PI * r * r; }
    }
    static class Sq extends Shape implements Comparable<Sq> {
        final double s;
        Sq(double s) { super("square"); this.s = s; }
        double area() { return s * s; }
        public int compareTo(Sq o) { return Double.compare(s, o.s); }
    }
    static class LoudPerson implements Loud {
        public String name() { return "pat"; }
    }
    interface Visitor<R> { R visitNum(int n); R visitAdd(Node a, Node b); }
    interface Node { <R> R accept(Visitor<R> v); }

    public static void main(String[] args) {
        System.out.println(Greeter.of("ann").greet());
        System.out.println(new LoudPerson().greet());
        System.out.println(new Both().who());
        System.out.println(Counter.zero().plus(5).plus(10).value());
        Shape[] shapes = {new Circle(1), new Sq(2), new Circle(0.5)};
        for (Shape s : shapes) System.out.println(s);
        System.out.println(Shape.created() + " " + Greeter.PREFIX + " " + new Sq(1).compareTo(new Sq(3)));
        Node one = new Node() { public <R> R accept(Visitor<R> v) { return v.visitNum(1); } };
        Node two = new Node() { public <R> R accept(Visitor<R> v) { return v.visitNum(2); } };
        Node sum = new Node() { public <R> R accept(Visitor<R> v) { return v.visitAdd(one, two); } };
        Visitor<Integer> eval = new Visitor<>() {
            public Integer visitNum(int n) { return n; }
            public Integer visitAdd(Node a, Node b) { return a.accept(this) + b.accept(this); }
        };
        Visitor<String> show = new Visitor<>() {
            public String visitNum(int n) { return "" + n; }
            public String visitAdd(Node a, Node b) { return "(" + a.accept(this) + "+" + b.accept(this) + ")"; }
        };
        System.out.println(sum.accept(show) + " = " + sum.accept(eval));
        Object o = new LoudPerson();
        System.out.println((o instanceof Greeter) + " " + (o instanceof Loud) + " " + (o instanceof Comparable));
        Greeter g = new LoudPerson();
        System.out.println(g.getClass().getInterfaces().length + " " + Greeter.class.isInterface());
    }
}
