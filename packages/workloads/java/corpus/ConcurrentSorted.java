import java.util.*;
import java.util.concurrent.*;
/** ConcurrentSkipListMap/Set (sorted, removal while iterating allowed) and PriorityBlockingQueue (heap order). */
public class ConcurrentSorted {
    public static void main(String[] a) throws Exception {
        ConcurrentSkipListMap<String, Integer> m = new ConcurrentSkipListMap<>();
        for (String w : "pear apple fig banana cherry date apple".split(" ")) m.merge(w, 1, Integer::sum);
        System.out.println(m + " " + m.firstKey() + " " + m.ceilingKey("c") + " " + m.headMap("d") + " " + m.descendingMap());
        for (String k : m.keySet()) if (k.length() > 4) m.remove(k);
        System.out.println(m + " " + m.size() + " " + m.pollFirstEntry() + " " + m);
        ConcurrentSkipListSet<Integer> s = new ConcurrentSkipListSet<>(Comparator.reverseOrder());
        for (int i : new int[] {5, 1, 9, 3, 7, 3}) s.add(i);
        for (Integer x : s) if (x > 6) s.remove(x);
        System.out.println(s + " " + s.first() + " " + s.higher(3) + " " + s.pollLast());
        PriorityBlockingQueue<Integer> pq = new PriorityBlockingQueue<>();
        for (int v : new int[] {42, 7, 19, 3, 88, 7, 1}) pq.put(v);
        System.out.println(pq + " " + pq.take() + " " + pq.poll() + " " + pq + " " + pq.size());
        try { m.put(null, 1); } catch (NullPointerException e) { System.out.println("null rejected"); }
    }
}
