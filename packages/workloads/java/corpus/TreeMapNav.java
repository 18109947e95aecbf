import java.util.Comparator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;

/** TreeMap: sorted iteration, navigation (floor/ceiling/higher/lower), views, polling, comparators. */
public class TreeMapNav {
    public static void main(String[] args) {
        TreeMap<Integer, String> t = new TreeMap<>();
        int[] keys = {50, 20, 80, 10, 30, 70, 90, 25, 35, 65, 5, 95, 60};
        for (int k : keys) t.put(k, "v" + k);
        System.out.println(t);
        System.out.println(t.firstKey() + " " + t.lastKey() + " " + t.firstEntry() + " " + t.lastEntry());
        System.out.println(t.floorKey(33) + " " + t.ceilingKey(33) + " " + t.higherKey(35) + " " + t.lowerKey(35) + " " + t.floorKey(1) + " " + t.ceilingKey(100));
        System.out.println(t.floorEntry(64) + " " + t.ceilingEntry(66) + " " + t.higherEntry(95) + " " + t.lowerEntry(5));
        System.out.println(t.headMap(30) + " " + t.headMap(30, true));
        System.out.println(t.tailMap(80) + " " + t.tailMap(80, false));
        System.out.println(t.subMap(20, 65) + " " + t.subMap(20, false, 65, true));
        NavigableMap<Integer, String> desc = t.descendingMap();
        System.out.println(desc);
        System.out.println(desc.firstKey() + " " + desc.headMap(50) + " " + t.descendingKeySet());
        SortedMap<Integer, String> view = t.subMap(25, 70);
        t.put(40, "v40");
        t.remove(30);
        System.out.println(view + " " + view.size());
        System.out.println(t.pollFirstEntry() + " " + t.pollLastEntry() + " " + t.size());
        TreeMap<String, Integer> byLen = new TreeMap<>(Comparator.comparing(String::length).thenComparing(Comparator.reverseOrder()));
        for (String s : new String[] {"pear", "fig", "banana", "kiwi", "apple", "date", "plum"}) byLen.put(s, s.length());
        System.out.println(byLen);
        TreeMap<String, Integer> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ci.put("Hello", 1);
        ci.put("hello", 2);
        ci.put("HELLO", 3);
        ci.put("abc", 4);
        System.out.println(ci);
        TreeMap<Integer, Integer> big = new TreeMap<>();
        for (int i = 0; i < 5000; i++) big.put((i * 7919) % 10007, i);
        for (int i = 0; i < 5000; i += 2) big.remove((i * 7919) % 10007);
        long sum = 0;
        for (Map.Entry<Integer, Integer> e : big.entrySet()) sum += (long) e.getKey() * e.getValue();
        System.out.println(big.size() + " " + big.firstKey() + " " + big.lastKey() + " " + sum);
        System.out.println(big.headMap(100).size() + " " + big.tailMap(10000).keySet());
        try {
            new TreeMap<Object, Integer>().put(null, 1);
        } catch (NullPointerException e) {
            System.out.println("NPE for null key");
        }
        TreeMap<Integer, String> copy = new TreeMap<>(t);
        copy.entrySet().removeIf(e -> e.getKey() % 20 == 0);
        System.out.println(copy + " " + copy.equals(t) + " " + t.containsValue("v65"));
        System.out.println(t.navigableKeySet().floor(51) + " " + t.keySet());
    }
}
