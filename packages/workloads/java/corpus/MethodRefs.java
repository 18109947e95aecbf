import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

/** Method references of every kind: static, bound, unbound, constructor, array constructor, super. */
public class MethodRefs {
    static int twice(int x) { return 2 * x; }

    static class Person {
        final String name;
        final int age;
        Person(String name) { this(name, 0); }
        Person(String name, int age) { this.name = name; this.age = age; }
        String greeting(String other) { return name + " greets " + other; }
        int getAge() { return age; }
        @Override public String toString() { return name + "(" + age + ")"; }
    }

    static class Parent { String say() { return "parent"; } }
    static class Child extends Parent {
        @Override String say() { return "child"; }
        Supplier<String> viaSuper() { return super::say; }
        Supplier<String> viaThis() { return this::say; }
    }

    public static void main(String[] args) {
        Function<Integer, Integer> st = MethodRefs::twice;
        System.out.println(st.apply(21));
        String prefix = "pre-";
        Function<String, String> bound = prefix::concat;
        System.out.println(bound.apply("fix"));
        Function<String, Integer> unbound = String::length;
        System.out.println(unbound.apply("seven!!"));
        BiFunction<String, String, Boolean> eq = String::equalsIgnoreCase;
        System.out.println(eq.apply("HeLLo", "hello"));
        Function<String, Person> ctor1 = Person::new;
        BiFunction<String, Integer, Person> ctor2 = Person::new;
        System.out.println(ctor1.apply("Ann") + " " + ctor2.apply("Bob", 41));
        Supplier<List<String>> listMaker = ArrayList::new;
        List<String> l = listMaker.get();
        l.add("x");
        System.out.println(l);
        IntFunction<int[]> arr = int[]::new;
        System.out.println(arr.apply(4).length);
        Function<Integer, String[]> sarr = String[]::new;
        System.out.println(Arrays.toString(sarr.apply(2)));
        Person carl = new Person("Carl", 30);
        Function<String, String> greet = carl::greeting;
        System.out.println(greet.apply("Dora"));
        ToIntFunction<Person> age = Person::getAge;
        System.out.println(age.applyAsInt(carl));
        Child c = new Child();
        System.out.println(c.viaSuper().get() + " " + c.viaThis().get());
        UnaryOperator<String> up = String::toUpperCase;
        System.out.println(up.apply("shout"));
        List<Person> people = new ArrayList<>();
        people.add(new Person("Zed", 20));
        people.add(new Person("Amy", 35));
        people.add(new Person("Max", 27));
        people.sort(java.util.Comparator.comparing(p -> p.name));
        System.out.println(people);
        people.forEach(System.out::println);
        Function<Object, String> valueOf = String::valueOf;
        System.out.println(valueOf.apply(3.25));
        Function<String, Integer> parse = Integer::parseInt;
        System.out.println(parse.apply("-77") + 1);
        Runnable r = System.out::println;
        r.run();
        BiFunction<Integer, Integer, Integer> maxRef = Math::max;
        System.out.println(maxRef.apply(-3, -9));
    }
}
