import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** Live views of maps and sets: writes through keySet/values/entrySet, ranged TreeMap views, read-only wrappers. */
public class CollectionViews {
    interface Action { void run(); }

    static void attempt(String label, Action a) {
        try {
            a.run();
            System.out.println(label + ": ok");
        } catch (RuntimeException e) {
            System.out.println(label + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    public static void main(String[] args) {
        Map<String, Integer> m = new HashMap<>();
        for (String s : "one two three four five six seven eight nine ten".split(" ")) m.put(s, s.length());
        Set<String> keys = m.keySet();
        Collection<Integer> vals = m.values();
        keys.remove("one");
        vals.remove(5);
        keys.retainAll(Set.of("two", "four", "six", "eight", "nine", "ten"));
        System.out.println(m + " " + keys.size() + " " + vals.contains(4));
        for (Map.Entry<String, Integer> e : m.entrySet()) e.setValue(e.getValue() * 10);
        System.out.println(m + " " + m.entrySet().contains(Map.entry("two", 30)) + " " + m.entrySet().remove(Map.entry("ten", 30)));
        vals.removeIf(v -> v > 35);
        System.out.println(m + " " + m.values() + " " + m.keySet());
        attempt("keySet add", () -> keys.add("x"));
        LinkedHashMap<Integer, String> access = new LinkedHashMap<>(8, 0.75f, true);
        for (int i = 0; i < 6; i++) access.put(i, "v" + i);
        access.get(2);
        access.put(4, "again");
        access.putIfAbsent(0, "no");
        access.replace(1, "r");
        access.compute(3, (k, v) -> v + "!");
        access.merge(5, "m", String::concat);
        access.getOrDefault(99, "d");
        System.out.println(access);
        TreeMap<Integer, String> t = new TreeMap<>();
        for (int i = 0; i <= 100; i += 10) t.put(i, "v" + i);
        NavigableMap<Integer, String> sub = t.subMap(20, true, 70, false);
        System.out.println(sub + " " + sub.firstKey() + " " + sub.lastKey() + " " + sub.size() + " " + sub.floorKey(65) + " " + sub.ceilingKey(65) + " " + sub.higherKey(60) + " " + sub.lowerKey(20));
        sub.put(25, "v25");
        attempt("put out of range", () -> sub.put(75, "x"));
        attempt("submap of submap out of range", () -> sub.subMap(10, 30));
        System.out.println(t.containsKey(25) + " " + sub.containsKey(80) + " " + sub.get(80) + " " + sub.remove(80));
        NavigableMap<Integer, String> desc = sub.descendingMap();
        System.out.println(desc + " " + desc.firstKey() + " " + desc.headMap(40) + " " + desc.tailMap(40, true) + " " + desc.subMap(60, 25));
        System.out.println(desc.firstEntry() + " " + desc.lastEntry() + " " + desc.ceilingKey(45) + " " + desc.floorKey(45) + " " + desc.descendingMap().firstKey());
        sub.headMap(40).clear();
        System.out.println(t + " " + sub.pollFirstEntry() + " " + sub.pollLastEntry() + " " + t);
        SortedMap<Integer, String> head = t.headMap(50);
        head.entrySet().removeIf(e -> e.getKey() == 0);
        System.out.println(head + " " + t.tailMap(50).values() + " " + t.navigableKeySet().headSet(60, true).descendingSet());
        NavigableSet<Integer> ks = t.navigableKeySet();
        System.out.println(ks.pollFirst() + " " + ks.pollLast() + " " + t + " " + ks.subSet(50, 90));
        TreeSet<String> words = new TreeSet<>(List.of("kiwi", "apple", "fig", "date", "banana", "cherry", "grape"));
        NavigableSet<String> mid = words.subSet("b", true, "g", false);
        mid.remove("date");
        attempt("add out of range", () -> mid.add("zebra"));
        System.out.println(words + " " + mid + " " + mid.descendingSet() + " " + mid.headSet("cherry", true) + " " + mid.tailSet("c"));
        System.out.println(words.descendingSet().headSet("cherry") + " " + words.descendingSet().ceiling("dog") + " " + words.descendingSet().first());
        Map<String, Integer> ro = Collections.unmodifiableMap(new TreeMap<>(Map.of("a", 1, "b", 2)));
        attempt("unmodifiable entry setValue", () -> ro.entrySet().iterator().next().setValue(5));
        attempt("unmodifiable values remove", () -> ro.values().remove(1));
        attempt("unmodifiable merge", () -> ro.merge("a", 1, Integer::sum));
        System.out.println(ro + " " + ro.equals(Map.of("a", 1, "b", 2)) + " " + ro.hashCode());
        attempt("List.of contains null", () -> List.of(1).contains(null));
        attempt("Map.of duplicate", () -> Map.of("a", 1, "a", 2));
        attempt("Set.of duplicate", () -> Set.of(1, 1));
        attempt("List.of get", () -> List.of(1, 2).get(5));
        attempt("List.copyOf null", () -> List.copyOf(java.util.Arrays.asList(1, null)));
        attempt("emptyList get", () -> Collections.emptyList().get(0));
        attempt("nCopies negative", () -> Collections.nCopies(-1, "x"));
        attempt("singletonList set", () -> Collections.singletonList(1).set(0, 2));
        List<Integer> copies = Collections.nCopies(5, 7);
        System.out.println(copies + " " + copies.hashCode() + " " + copies.indexOf(7) + " " + copies.lastIndexOf(7) + " " + copies.subList(1, 3) + " " + Collections.nCopies(0, 1).hashCode());
    }
}
