import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** java.util.Collections: sort, reverse, shuffle with a seeded Random, rotate, swap, min/max, views. */
public class CollectionsOps {
    public static void main(String[] args) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < 15; i++) l.add(i);
        Collections.shuffle(l, new Random(42));
        System.out.println("shuffled " + l);
        Collections.shuffle(l, new Random(7));
        System.out.println("shuffled " + l);
        Collections.sort(l);
        Collections.reverse(l);
        System.out.println("reversed " + l);
        Collections.rotate(l, 4);
        System.out.println("rotated " + l);
        Collections.swap(l, 0, 14);
        System.out.println("swapped " + l + " max " + Collections.max(l) + " min " + Collections.min(l));
        List<String> words = new ArrayList<>(Arrays.asList("kiwi", "fig", "banana", "apple", "fig", "cherry", "fig"));
        System.out.println(Collections.frequency(words, "fig") + " " + Collections.max(words) + " " + Collections.min(words, (a, b) -> a.length() - b.length()));
        Collections.sort(words, Collections.reverseOrder());
        System.out.println(words + " " + Collections.binarySearch(Arrays.asList(1, 3, 5, 7), 5) + " " + Collections.binarySearch(Arrays.asList(1, 3, 5, 7), 4));
        List<String> n = Collections.nCopies(3, "ab");
        System.out.println(n + " " + n.size() + " " + String.join("", n));
        System.out.println(Collections.emptyList() + " " + Collections.emptyMap() + " " + Collections.emptySet() + " " + Collections.singletonList(1) + " " + Collections.singleton("s") + " " + Collections.singletonMap("k", "v"));
        List<Integer> ro = Collections.unmodifiableList(l);
        try {
            ro.add(1);
        } catch (UnsupportedOperationException e) {
            System.out.println("unmodifiable list " + ro.get(0) + " " + ro.size());
        }
        Map<String, Integer> m = new HashMap<>();
        m.put("a", 1);
        Map<String, Integer> rom = Collections.unmodifiableMap(m);
        try {
            rom.put("b", 2);
        } catch (UnsupportedOperationException e) {
            System.out.println("unmodifiable map " + rom);
        }
        m.put("b", 2);
        System.out.println("view sees " + rom);
        Set<Integer> ros = Collections.unmodifiableSet(new java.util.TreeSet<>(l));
        try {
            ros.iterator().remove();
        } catch (UnsupportedOperationException | IllegalStateException e) {
            System.out.println("unmodifiable set " + e.getClass().getSimpleName());
        }
        List<Integer> fillMe = new ArrayList<>(Collections.nCopies(4, 0));
        Collections.fill(fillMe, 9);
        List<Integer> dst = new ArrayList<>(Arrays.asList(1, 2, 3, 4, 5));
        Collections.copy(dst, fillMe);
        System.out.println(fillMe + " " + dst + " " + Collections.disjoint(dst, List.of(1, 2)) + " " + Collections.indexOfSubList(dst, List.of(9, 5)));
        List<Integer> big = new ArrayList<>();
        for (int i = 0; i < 1000; i++) big.add(i);
        Collections.shuffle(big, new Random(2024));
        System.out.println(big.subList(0, 12));
        Collections.sort(big, (a, b) -> Integer.compare(a % 10, b % 10));
        System.out.println(big.subList(0, 12) + " " + big.subList(988, 1000));
        List<Integer> sync = Collections.synchronizedList(new ArrayList<>());
        sync.add(3);
        System.out.println(sync + " " + Collections.addAll(sync, 4, 5) + " " + sync);
        List<String> linked = new java.util.LinkedList<>(List.of("a", "b", "c", "d", "e"));
        Collections.shuffle(linked, new Random(1));
        Collections.reverse(linked);
        System.out.println(linked);
        System.out.println(Collections.emptyList().equals(new ArrayList<>()) + " " + Collections.emptyList().hashCode() + " " + Collections.nCopies(2, 1).hashCode());
    }
}
