import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.TreeMap;

/** Iterator contracts across java.util: fail-fast CME, remove() state errors, removal during iteration. */
public class IteratorEdgeCases {
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
        List<Integer> list = new ArrayList<>(List.of(1, 2, 3, 4, 5));
        attempt("remove before next", () -> list.iterator().remove());
        attempt("remove twice", () -> { Iterator<Integer> it = list.iterator(); it.next(); it.remove(); it.remove(); });
        System.out.println(list);
        attempt("sublist after parent change", () -> { List<Integer> sub = list.subList(0, 2); list.add(9); sub.size(); });
        attempt("list add during foreach", () -> { for (Integer x : list) if (x == 3) list.add(7); });
        attempt("list remove second-to-last during foreach", () -> { for (Integer x : list) if (x == 7) list.remove(x); });
        System.out.println(list);
        attempt("next past end", () -> { Iterator<Integer> it = List.of(1).iterator(); it.next(); it.next(); });
        Map<String, Integer> hm = new HashMap<>();
        for (int i = 0; i < 10; i++) hm.put("k" + i, i);
        attempt("hashmap put during iteration", () -> { for (String k : hm.keySet()) hm.put(k + "x", 0); });
        attempt("hashmap replace value during iteration", () -> { for (String k : hm.keySet()) hm.put(k, hm.get(k) + 1); });
        System.out.println(hm.size() + " " + hm.get("k3"));
        Iterator<Map.Entry<String, Integer>> eit = hm.entrySet().iterator();
        while (eit.hasNext()) { Map.Entry<String, Integer> e = eit.next(); if (e.getValue() % 2 == 0) eit.remove(); }
        System.out.println(hm);
        TreeMap<Integer, String> tm = new TreeMap<>();
        for (int i = 0; i < 20; i++) tm.put((i * 7) % 20, "v" + i);
        Iterator<Integer> kit = tm.keySet().iterator();
        while (kit.hasNext()) { int k = kit.next(); if (k % 3 != 0) kit.remove(); }
        System.out.println(tm);
        Iterator<Integer> dit = tm.descendingKeySet().iterator();
        while (dit.hasNext()) { int k = dit.next(); if (k % 2 == 0) dit.remove(); }
        System.out.println(tm + " " + tm.firstKey() + " " + tm.lastKey());
        attempt("treemap put during iteration", () -> { for (Integer k : tm.keySet()) tm.put(k + 100, "n"); });
        LinkedList<String> ll = new LinkedList<>(List.of("a", "b", "c", "d"));
        ListIterator<String> li = ll.listIterator();
        li.next();
        li.add("a2");
        li.next();
        li.remove();
        li.previous();
        li.set("A2");
        attempt("set after add", () -> { li.add("z"); li.set("bad"); });
        System.out.println(ll + " " + li.nextIndex() + " " + li.previousIndex());
        attempt("linkedlist concurrent", () -> { for (String s : ll) if (s.equals("c")) ll.removeFirst(); });
        ArrayDeque<Integer> dq = new ArrayDeque<>();
        for (int i = 0; i < 12; i++) { dq.addFirst(i); dq.addLast(-i); }
        Iterator<Integer> qi = dq.iterator();
        while (qi.hasNext()) if (qi.next() % 3 == 0) qi.remove();
        System.out.println(dq);
        Iterator<Integer> qd = dq.descendingIterator();
        while (qd.hasNext()) if (qd.next() % 2 == 0) qd.remove();
        System.out.println(dq + " " + dq.size());
        PriorityQueue<Integer> pq = new PriorityQueue<>();
        for (int i = 0; i < 15; i++) pq.add((i * 11) % 15);
        Iterator<Integer> pit = pq.iterator();
        StringBuilder seen = new StringBuilder();
        while (pit.hasNext()) { int v = pit.next(); seen.append(v).append(' '); if (v % 4 == 1) pit.remove(); }
        System.out.println(seen.toString().trim() + " -> " + pq);
        attempt("empty deque iterator", () -> new ArrayDeque<Integer>().iterator().next());
        attempt("treemap iterator past end", () -> { Iterator<Integer> it = new TreeMap<Integer, Integer>().keySet().iterator(); it.next(); });
        try {
            new LinkedList<Integer>().listIterator().previous();
        } catch (NoSuchElementException e) {
            System.out.println("NSEE previous");
        }
        try {
            List<Integer> l2 = new ArrayList<>(List.of(1, 2, 3));
            ListIterator<Integer> it = l2.listIterator();
            l2.add(4);
            it.next();
        } catch (ConcurrentModificationException e) {
            System.out.println("CME listIterator");
        }
    }
}
