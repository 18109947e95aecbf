import java.util.*;
import java.util.stream.*;
/** Random as a stream source (ints, longs, doubles: bounded, unbounded, infinite) and Optional.stream. */
public class RandomStreams {
    public static void main(String[] a) {
        Random r = new Random(99);
        System.out.println(r.ints(5, 0, 100).boxed().collect(Collectors.toList()));
        System.out.println(Arrays.toString(r.ints(4).toArray()));
        System.out.println(r.doubles(3).mapToObj(d -> String.format("%.6f", d)).collect(Collectors.joining(",")));
        System.out.println(r.ints(-5, 5).limit(8).boxed().toList() + " " + r.longs(2, 10, 1000).sum() + " " + r.doubles(2, 1.0, 2.0).sum());
        System.out.println(Optional.of(3).stream().count() + " " + Optional.empty().stream().count() + " " + Map.Entry.copyOf(new AbstractMap.SimpleEntry<>("k", 1)));
        System.out.println(new Random(7).ints(1, 1 << 20).limit(3).boxed().toList() + " " + new Random(8).longs(3, 0, 1L << 40).boxed().toList());
    }
}
