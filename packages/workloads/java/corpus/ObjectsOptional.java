import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/** java.util.Objects helpers and Optional: equals/hash/requireNonNull messages, map/filter/orElse chains. */
public class ObjectsOptional {
    static Optional<Integer> parse(String s) {
        try {
            return Optional.of(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static void main(String[] args) {
        System.out.println(Objects.equals(null, null) + " " + Objects.equals("a", null) + " " + Objects.equals("a", "a"));
        System.out.println(Objects.hash(1, "a", null, 2.5) + " " + Objects.hash() + " " + Objects.hashCode(null) + " " + Objects.hashCode("abc"));
        System.out.println(Objects.toString(null) + " " + Objects.toString(null, "dflt") + " " + Objects.toString(12));
        System.out.println(Objects.isNull(null) + " " + Objects.nonNull(null) + " " + Objects.requireNonNullElse(null, "else") + " " + Objects.compare("a", "b", String::compareTo));
        try {
            Objects.requireNonNull(null, "value must not be null");
        } catch (NullPointerException e) {
            System.out.println("NPE: " + e.getMessage());
        }
        try {
            Objects.requireNonNull(null);
        } catch (NullPointerException e) {
            System.out.println("NPE: " + e.getMessage());
        }
        try {
            Objects.checkIndex(5, 3);
        } catch (IndexOutOfBoundsException e) {
            System.out.println(e.getMessage());
        }
        System.out.println(Objects.deepEquals(new int[] {1, 2}, new int[] {1, 2}));
        Optional<String> some = Optional.of("value");
        Optional<String> none = Optional.empty();
        System.out.println(some + " " + none + " " + Optional.ofNullable(null) + " " + some.isPresent() + " " + none.isEmpty());
        System.out.println(some.map(String::length).orElse(-1) + " " + none.map(String::length).orElse(-1));
        System.out.println(some.filter(s -> s.startsWith("v")).isPresent() + " " + some.filter(s -> s.startsWith("x")).isPresent());
        System.out.println(none.orElseGet(() -> "generated") + " " + some.orElseThrow() + " " + none.or(() -> Optional.of("alt")).get());
        System.out.println(parse("12").flatMap(x -> parse(String.valueOf(x * 2))).get() + " " + parse("zz").isPresent());
        some.ifPresent(v -> System.out.println("present " + v));
        none.ifPresentOrElse(v -> System.out.println("no"), () -> System.out.println("absent"));
        try {
            none.get();
        } catch (NoSuchElementException e) {
            System.out.println("NSEE " + e.getMessage());
        }
        try {
            none.orElseThrow(() -> new IllegalStateException("custom"));
        } catch (IllegalStateException e) {
            System.out.println("ISE " + e.getMessage());
        }
        System.out.println(some.equals(Optional.of("value")) + " " + none.equals(Optional.empty()) + " " + some.hashCode() + " " + none.hashCode());
        int total = 0;
        for (String s : new String[] {"1", "x", "20", "", "300"}) total += parse(s).orElse(0);
        System.out.println("total " + total);
    }
}
