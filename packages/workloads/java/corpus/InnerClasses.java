import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Inner (non-static) classes, static nested classes, anonymous and local classes, captures. */
public class InnerClasses {
    private int counter = 100;
    private static String tag = "static-tag";

    class Inner {
        int id = ++counter;
        String describe() { return "Inner#" + id + " of outer with counter " + counter; }
        class Deeper {
            String path() { return "Deeper in " + describe() + " / " + InnerClasses.this.counter; }
        }
    }

    static class Nested {
        String hello() { return "Nested sees " + tag; }
    }

    interface Greeter { String greet(String name); }

    Greeter anonymous(final String prefix) {
        return new Greeter() {
            int calls = 0;
            public String greet(String name) {
                calls++;
                counter++;
                return prefix + ", " + name + " (call " + calls + ", counter " + counter + ")";
            }
        };
    }

    static Iterable<Integer> range(int from, int to) {
        class RangeIterator implements Iterator<Integer> {
            int next = from;
            public boolean hasNext() { return next < to; }
            public Integer next() { return next++; }
        }
        return RangeIterator::new;
    }

    static abstract class Base {
        Base() { System.out.println("Base ctor calls hook: " + hook()); }
        abstract String hook();
    }

    public static void main(String[] args) {
        InnerClasses outer = new InnerClasses();
        InnerClasses.Inner a = outer.new Inner();
        InnerClasses.Inner b = outer.new Inner();
        System.out.println(a.describe());
        System.out.println(b.describe());
        InnerClasses.Inner.Deeper d = b.new Deeper();
        System.out.println(d.path());
        System.out.println(new Nested().hello());
        Greeter g = outer.anonymous("Hi");
        System.out.println(g.greet("Ann"));
        System.out.println(g.greet("Bob"));
        StringBuilder sb = new StringBuilder();
        for (int i : range(3, 8)) sb.append(i).append(' ');
        System.out.println(sb.toString().trim());
        final String captured = "local-capture";
        Base base = new Base() {
            String hook() { return captured + " / field not yet set: " + field; }
            String field = "set";
        };
        System.out.println(base.hook());
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            final int k = i;
            tasks.add(new Runnable() {
                public void run() { System.out.println("task " + k + " " + getClass().getName()); }
            });
        }
        for (Runnable r : tasks) r.run();
        Object anon = new Object() { @Override public String toString() { return "anon toString"; } };
        System.out.println(anon);
        System.out.println(Inner.class.getName() + " " + Nested.class.getSimpleName());
    }
}
