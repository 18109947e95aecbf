import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;

/** ArrayList: growth, index operations, removal by index vs object, subList views, iterators, CME. */
public class ArrayListOps {
    public static void main(String[] args) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < 20; i++) list.add(i * 3 % 7);
        System.out.println(list + " size " + list.size());
        list.add(0, -1);
        list.add(list.size(), 99);
        list.set(5, 55);
        System.out.println(list.get(5) + " " + list.indexOf(6) + " " + list.lastIndexOf(6) + " " + list.contains(99) + " " + list.contains(100));
        list.remove(0);
        list.remove(Integer.valueOf(99));
        list.remove(Integer.valueOf(12345));
        System.out.println(list);
        List<Integer> sub = list.subList(2, 6);
        System.out.println("sub " + sub);
        sub.set(0, 1000);
        sub.remove(1);
        System.out.println("after sub edit " + list + " sub " + sub);
        sub.clear();
        System.out.println("after sub clear " + list);
        list.removeIf(x -> x % 2 == 0);
        System.out.println("odd only " + list);
        list.replaceAll(x -> x * 10);
        System.out.println(list);
        list.addAll(Arrays.asList(7, 8, 9));
        list.addAll(1, List.of(-5, -6));
        System.out.println(list);
        list.retainAll(List.of(7, 8, 9, -5, 30));
        System.out.println("retained " + list);
        list.removeAll(List.of(8));
        System.out.println("removed " + list);
        Collections.sort(list);
        System.out.println("sorted " + list);
        Iterator<Integer> it = list.iterator();
        while (it.hasNext()) if (it.next() < 0) it.remove();
        System.out.println("iter removed " + list);
        ListIterator<Integer> li = list.listIterator();
        while (li.hasNext()) {
            int v = li.next();
            if (v == 7) li.add(77);
            else li.set(v + 1);
        }
        System.out.println("listIterator " + list);
        while (li.hasPrevious()) System.out.print(li.previous() + "@" + li.nextIndex() + " ");
        System.out.println();
        try {
            for (Integer x : list) if (x == 77) list.add(1);
        } catch (ConcurrentModificationException e) {
            System.out.println("CME " + e.getMessage());
        }
        try {
            list.get(100);
        } catch (IndexOutOfBoundsException e) {
            System.out.println(e.getMessage());
        }
        try {
            new ArrayList<String>().iterator().next();
        } catch (java.util.NoSuchElementException e) {
            System.out.println("NSEE");
        }
        List<String> strs = new ArrayList<>(List.of("d", "a", "c", "b"));
        System.out.println(strs.equals(Arrays.asList("d", "a", "c", "b")) + " " + strs.hashCode() + " " + new ArrayList<>().hashCode());
        Object[] arr = strs.toArray();
        String[] sarr = strs.toArray(new String[0]);
        System.out.println(arr.length + " " + Arrays.toString(sarr) + " " + sarr.getClass().getSimpleName());
        strs.sort(null);
        System.out.println(strs + " " + strs.isEmpty());
        strs.clear();
        System.out.println(strs + " " + strs.isEmpty());
        List<List<Integer>> grid = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            grid.add(new ArrayList<>());
            for (int c = 0; c <= r; c++) grid.get(r).add(r * c);
        }
        System.out.println(grid);
        ArrayList<Integer> big = new ArrayList<>(5);
        long sum = 0;
        for (int i = 0; i < 100000; i++) big.add(i);
        for (int x : big) sum += x;
        System.out.println("big " + big.size() + " " + sum);
        List<Object> self = new ArrayList<>();
        self.add(self);
        self.add("x");
        System.out.println(self);
        list.forEach(x -> System.out.print(x + ";"));
        System.out.println();
    }
}
