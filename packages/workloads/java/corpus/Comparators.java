import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Comparator combinators: comparing, thenComparing, reversed, naturalOrder, reverseOrder, nulls. */
public class Comparators {
    record Emp(String name, String dept, int salary, Integer age) {}

    public static void main(String[] args) {
        List<Emp> emps = new ArrayList<>(Arrays.asList(
            new Emp("ann", "eng", 120, 30), new Emp("bob", "ops", 90, null), new Emp("cat", "eng", 120, 25),
            new Emp("dan", "ops", 95, 41), new Emp("eve", "hr", 70, 29), new Emp("fay", "eng", 150, 35),
            new Emp("gus", "hr", 70, 52)));
        emps.sort(Comparator.comparing(Emp::dept).thenComparing(Emp::salary, Comparator.reverseOrder()).thenComparing(Emp::name));
        emps.forEach(e -> System.out.print(e.name() + " "));
        System.out.println();
        emps.sort(Comparator.comparingInt(Emp::salary).reversed());
        emps.forEach(e -> System.out.print(e.name() + " "));
        System.out.println();
        emps.sort(Comparator.comparing(Emp::age, Comparator.nullsFirst(Comparator.naturalOrder())));
        emps.forEach(e -> System.out.print(e.name() + ":" + e.age() + " "));
        System.out.println();
        emps.sort(Comparator.comparing(Emp::age, Comparator.nullsLast(Comparator.reverseOrder())));
        emps.forEach(e -> System.out.print(e.name() + ":" + e.age() + " "));
        System.out.println();
        Comparator<String> byLen = Comparator.comparingInt(String::length);
        List<String> ws = new ArrayList<>(List.of("ccc", "a", "bb", "aa", "b", "c", "abc"));
        ws.sort(byLen.thenComparing(Comparator.reverseOrder()));
        System.out.println(ws);
        ws.sort(byLen.reversed().thenComparing(Comparator.naturalOrder()));
        System.out.println(ws);
        ws.sort(Comparator.<String>naturalOrder().reversed());
        System.out.println(ws);
        Comparator<Emp> bySalaryThenAge = Comparator.comparingDouble((Emp e) -> e.salary() / 10.0).thenComparingInt(e -> e.name().charAt(0));
        System.out.println(bySalaryThenAge.compare(emps.get(0), emps.get(1)) + " " + Comparator.<Integer>reverseOrder().compare(1, 2) + " " + Comparator.<Integer>naturalOrder().compare(1, 2));
        System.out.println(Comparator.comparingLong((long[] a) -> a[0]).compare(new long[] {5}, new long[] {3}));
        System.out.println(java.util.Collections.max(ws, byLen) + " " + java.util.Collections.min(ws, byLen.thenComparing(Comparator.reverseOrder())));
    }
}
