import java.util.Arrays;
import java.util.Iterator;
import java.util.NavigableSet;
import java.util.TreeSet;

/** TreeSet: ordering with custom comparators, floor/ceiling, subSet views, descending sets, pollFirst. */
public class TreeSetOps {
    public static void main(String[] args) {
        TreeSet<String> s = new TreeSet<>(Arrays.asList("pear", "Apple", "banana", "apple", "Cherry", "date"));
        System.out.println(s + " " + s.first() + " " + s.last());
        System.out.println(s.ceiling("b") + " " + s.floor("b") + " " + s.higher("banana") + " " + s.lower("Apple"));
        System.out.println(s.headSet("banana") + " " + s.tailSet("banana") + " " + s.subSet("Apple", "date"));
        System.out.println(s.descendingSet() + " " + s.pollFirst() + " " + s.pollLast() + " " + s);
        TreeSet<Integer> nums = new TreeSet<>((x, y) -> Integer.compare(Math.abs(x), Math.abs(y)));
        for (int v : new int[] {5, -3, 3, -10, 7, 0, -7, 12}) nums.add(v);
        System.out.println(nums);
        NavigableSet<Integer> range = new TreeSet<Integer>();
        for (int i = 0; i < 100; i += 3) range.add(i);
        NavigableSet<Integer> sub = range.subSet(10, true, 40, false);
        System.out.println(sub + " " + sub.size() + " " + sub.first() + " " + sub.last());
        sub.remove(21);
        sub.add(11);
        try {
            sub.add(41);
        } catch (IllegalArgumentException e) {
            System.out.println("IAE " + e.getMessage());
        }
        System.out.println(range.headSet(25));
        Iterator<Integer> it = range.descendingIterator();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5 && it.hasNext(); i++) sb.append(it.next()).append(' ');
        System.out.println(sb);
        TreeSet<Character> chars = new TreeSet<>();
        for (char c : "the quick brown fox jumps over the lazy dog".toCharArray()) chars.add(c);
        System.out.println(chars.size() + " " + chars);
        TreeSet<Integer> rnd = new TreeSet<>();
        int x = 12345;
        for (int i = 0; i < 3000; i++) { x = x * 1103515245 + 12345; rnd.add((x >>> 16) % 5000); }
        System.out.println(rnd.size() + " " + rnd.first() + " " + rnd.last() + " " + rnd.ceiling(2500) + " " + rnd.headSet(100).size());
        System.out.println(new TreeSet<>(Arrays.asList(3, 1, 2)).equals(new java.util.HashSet<>(Arrays.asList(1, 2, 3))));
    }
}
