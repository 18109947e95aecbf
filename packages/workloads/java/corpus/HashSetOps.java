import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/** HashSet: order, set algebra with retainAll/removeAll/addAll, equality, boxed and string elements. */
public class HashSetOps {
    public static void main(String[] args) {
        Set<Integer> a = new HashSet<>(Arrays.asList(5, 3, 99, 17, 42, 1024, -8, 0, 65536, 31));
        Set<Integer> b = new HashSet<>(Arrays.asList(3, 4, 5, 6, 42, 1000));
        System.out.println(a + " " + b);
        Set<Integer> union = new HashSet<>(a);
        union.addAll(b);
        Set<Integer> inter = new HashSet<>(a);
        inter.retainAll(b);
        Set<Integer> diff = new HashSet<>(a);
        diff.removeAll(b);
        System.out.println(union + " " + inter + " " + diff);
        System.out.println(a.add(5) + " " + a.add(6) + " " + a.remove(99) + " " + a.remove(99) + " " + a.contains(6));
        Set<String> words = new HashSet<>();
        for (String w : "to be or not to be that is the question whether tis nobler in the mind".split(" ")) words.add(w);
        System.out.println(words.size() + " " + words);
        Iterator<String> it = words.iterator();
        while (it.hasNext()) if (it.next().length() <= 2) it.remove();
        System.out.println(words);
        System.out.println(new HashSet<>(Arrays.asList(1, 2, 3)).equals(new HashSet<>(Arrays.asList(3, 2, 1))) + " " + new HashSet<>(Arrays.asList(1, 2, 3)).hashCode());
        Set<Double> ds = new HashSet<>(Arrays.asList(0.0, -0.0, Double.NaN, Double.NaN, 1.5, 2.5e10));
        System.out.println(ds + " " + ds.size());
        Set<String> nulls = new HashSet<>();
        nulls.add(null);
        nulls.add("x");
        System.out.println(nulls + " " + nulls.contains(null));
        Set<Integer> big = new HashSet<>();
        for (int i = 0; i < 2000; i++) big.add((i * 37) % 1500);
        int sum = 0;
        for (int x : big) sum += x;
        System.out.println(big.size() + " " + sum);
        Object[] arr = inter.toArray();
        Arrays.sort(arr);
        System.out.println(Arrays.toString(arr));
        Set<Long> longs = new HashSet<>();
        for (long v = 1; v < (1L << 62); v *= 7) longs.add(v);
        System.out.println(longs);
    }
}
