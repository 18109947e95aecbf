import java.util.Arrays;
import java.util.Comparator;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** Sequential streams: lazy per-element evaluation order, collectors (map orders included), primitive streams. */
public class StreamPipelines {
    record Person(String name, String city, int age, double salary) {}

    public static void main(String[] args) {
        List<Person> people = List.of(
            new Person("Ann", "Oslo", 34, 5200.5), new Person("Bob", "Rome", 25, 3100), new Person("Cid", "Oslo", 41, 6100.25),
            new Person("Dee", "Lima", 29, 4000), new Person("Eve", "Rome", 52, 7300.75), new Person("Fay", "Lima", 19, 1500),
            new Person("Gus", "Oslo", 25, 2999.99));
        System.out.println(people.stream().filter(p -> p.age() > 28).map(Person::name).collect(Collectors.toList()));
        System.out.println(people.stream().map(Person::city).distinct().sorted().collect(Collectors.joining(", ", "[", "]")));
        System.out.println(people.stream().collect(Collectors.groupingBy(Person::city, Collectors.counting())));
        TreeMap<String, List<String>> byCity = people.stream().collect(Collectors.groupingBy(Person::city, TreeMap::new, Collectors.mapping(Person::name, Collectors.toList())));
        System.out.println(byCity);
        System.out.println(people.stream().collect(Collectors.partitioningBy(p -> p.salary() > 4000, Collectors.averagingInt(Person::age))));
        System.out.println(people.stream().collect(Collectors.toMap(Person::name, Person::age)));
        System.out.println(people.stream().collect(Collectors.toMap(Person::city, Person::salary, Double::sum)));
        try {
            people.stream().collect(Collectors.toMap(Person::city, Person::name));
        } catch (IllegalStateException e) {
            System.out.println(e.getMessage());
        }
        System.out.println(people.stream().sorted(Comparator.comparingInt(Person::age).thenComparing(Person::name, Comparator.reverseOrder())).map(Person::name).toList());
        Optional<Person> oldest = people.stream().max(Comparator.comparingInt(Person::age));
        System.out.println(oldest.map(Person::name).orElse("?") + " " + people.stream().mapToInt(Person::age).sum() + " " + people.stream().mapToDouble(Person::salary).sum() + " " + people.stream().mapToDouble(Person::salary).average().getAsDouble());
        IntSummaryStatistics st = people.stream().mapToInt(Person::age).summaryStatistics();
        System.out.println(st);
        System.out.println(people.stream().collect(Collectors.summarizingDouble(Person::salary)));
        StringBuilder trace = new StringBuilder();
        List<Integer> firstTwo = Stream.of(5, 3, 8, 1, 9, 2).peek(x -> trace.append("p").append(x)).filter(x -> x > 2).peek(x -> trace.append("f").append(x)).map(x -> x * 10).limit(2).collect(Collectors.toList());
        System.out.println(firstTwo + " " + trace);
        trace.setLength(0);
        Stream.of("c", "a", "b").peek(trace::append).sorted().forEach(s -> trace.append(s.toUpperCase()));
        System.out.println(trace);
        System.out.println(Stream.iterate(1, x -> x * 3).limit(10).map(String::valueOf).collect(Collectors.joining("|")));
        System.out.println(Stream.iterate(1, x -> x < 200, x -> x * 2).toList() + " " + Stream.generate(() -> "z").limit(3).toList());
        System.out.println(IntStream.range(0, 10).filter(i -> i % 3 != 0).boxed().toList() + " " + IntStream.rangeClosed(1, 5).reduce(1, (a, b) -> a * b) + " " + LongStream.rangeClosed(1, 20).reduce(1L, (a, b) -> a * b));
        System.out.println(Arrays.stream(new int[] {4, 1, 3}).map(x -> x * x).sorted().boxed().collect(Collectors.toList()) + " " + IntStream.of(3, 1, 2).max().getAsInt() + " " + IntStream.empty().max() + " " + IntStream.of(1, 2).average() + " " + DoubleStream.of(0.1, 0.2, 0.3).sum() + " " + (0.1 + 0.2 + 0.3));
        System.out.println(Stream.of(List.of(1, 2), List.of(3), List.<Integer>of()).flatMap(List::stream).map(x -> x + 1).toList() + " " + Stream.of("a,b", "c").flatMap(s -> Arrays.stream(s.split(","))).count());
        System.out.println(Stream.of(1, 2, 3, 4).anyMatch(x -> x > 3) + " " + Stream.of(1, 2).allMatch(x -> x > 1) + " " + Stream.<Integer>empty().noneMatch(x -> true) + " " + Stream.of(9, 8).findFirst().get() + " " + Stream.of(1, 2, 3).reduce(Integer::sum).get() + " " + Stream.of("x", "yy").mapToInt(String::length).sum());
        System.out.println(Stream.of(1, 2, 3, 4, 5, 1, 2).takeWhile(x -> x < 4).toList() + " " + Stream.of(1, 2, 3, 4, 5, 1, 2).dropWhile(x -> x < 4).toList() + " " + Stream.of(1, 2, 3, 4).skip(2).toList());
        Set<Integer> set = Stream.of(100, 3, 17, 64, 5).collect(Collectors.toSet());
        System.out.println(set + " " + Arrays.toString(Stream.of("b", "a").toArray(String[]::new)) + " " + Arrays.toString(IntStream.range(0, 4).map(i -> 3 - i).toArray()));
        Map<Boolean, List<Integer>> parts = IntStream.rangeClosed(1, 10).boxed().collect(Collectors.partitioningBy(x -> x % 2 == 0));
        System.out.println(parts + " " + parts.get(true));
        Map<Integer, Long> byLength = Stream.of("one", "two", "three", "four", "five", "six").collect(Collectors.groupingBy(String::length, Collectors.counting()));
        System.out.println(byLength + " " + Stream.of("a", "b", "c").collect(Collectors.collectingAndThen(Collectors.toList(), List::size)));
        System.out.println("hello world".chars().filter(Character::isLetter).mapToObj(c -> String.valueOf((char) c)).distinct().collect(Collectors.joining()));
        try {
            Stream<Integer> s = Stream.of(1);
            s.count();
            s.count();
        } catch (IllegalStateException e) {
            System.out.println(e.getMessage());
        }
        System.out.println(IntStream.rangeClosed(1, 100).mapToObj(Integer::toString).collect(Collectors.reducing("", (a, b) -> a.length() > 5 ? a : a + b)) + " " + Stream.of(3, 1, 2).collect(Collectors.teeing(Collectors.counting(), Collectors.summingInt(x -> x), (c, s) -> c + ":" + s)));
    }
}
