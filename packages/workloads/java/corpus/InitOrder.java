/** Class and instance initialization order: static blocks, lazy class init, field initializers, ctor chains. */
public class InitOrder {
    static StringBuilder log = new StringBuilder();
    static void log(String s) { System.out.println(s); }

    static class A {
        static { log("A static init"); }
        static int counter = init("A.counter");
        int x = initInstance("A.x");
        { log("A instance block"); }
        A() { this(0); log("A() ctor"); }
        A(int v) { log("A(int) ctor, describe=" + describe()); }
        String describe() { return "A"; }
    }

    static class B extends A {
        static { log("B static init"); }
        static final int CONST = 7;
        static int nonConst = init("B.nonConst");
        String name = "b-name";
        { log("B instance block, name=" + name); }
        B() { super(); log("B() ctor"); }
        @Override String describe() { return "B with name " + name; }
    }

    static class Lazy {
        static { log("Lazy initialized"); }
        static void touch() { log("Lazy.touch"); }
    }

    static class Holder {
        static final Holder INSTANCE = new Holder();
        static int count = 5;
        final int seen;
        Holder() { seen = count; count++; }
    }

    interface WithConstant {
        int K = InitOrder.init("WithConstant.K");
    }

    static int init(String what) { log("init " + what); return 1; }
    static int initInstance(String what) { log("instance init " + what); return 2; }

    public static void main(String[] args) {
        log("main start");
        log("B.CONST is a constant: " + B.CONST);
        new B();
        log("second B");
        new B();
        log("Lazy class referenced: " + Lazy.class.getSimpleName());
        Lazy.touch();
        log("Holder.seen=" + Holder.INSTANCE.seen + " count=" + Holder.count);
        Object[] arr = new Lazy[3];
        log("array of Lazy created " + arr.length);
        log("K=" + WithConstant.K);
    }
}
