import java.util.Iterator;
import java.util.LinkedList;
import java.util.ListIterator;

/** LinkedList as list, deque and queue: ends, index operations, descending iterator, removeFirstOccurrence. */
public class LinkedListOps {
    public static void main(String[] args) {
        LinkedList<String> ll = new LinkedList<>();
        ll.add("b");
        ll.addFirst("a");
        ll.addLast("c");
        ll.push("z");
        ll.offer("d");
        ll.offerFirst("y");
        System.out.println(ll + " " + ll.size());
        System.out.println(ll.peek() + " " + ll.peekFirst() + " " + ll.peekLast() + " " + ll.getFirst() + " " + ll.getLast() + " " + ll.element());
        System.out.println(ll.pop() + " " + ll.poll() + " " + ll.pollLast() + " " + ll.removeFirst() + " " + ll);
        ll.add(1, "mid");
        ll.add("b");
        ll.add("e");
        System.out.println(ll + " " + ll.get(1) + " " + ll.indexOf("b") + " " + ll.lastIndexOf("b"));
        ll.removeFirstOccurrence("b");
        System.out.println(ll);
        ll.removeLastOccurrence("e");
        ll.set(0, "B");
        System.out.println(ll + " " + ll.remove(1) + " " + ll.remove("c") + " " + ll);
        Iterator<String> desc = ll.descendingIterator();
        StringBuilder sb = new StringBuilder();
        while (desc.hasNext()) sb.append(desc.next());
        System.out.println("desc " + sb);
        LinkedList<Integer> nums = new LinkedList<>();
        for (int i = 0; i < 10; i++) nums.add(i);
        ListIterator<Integer> it = nums.listIterator(5);
        while (it.hasPrevious()) {
            int v = it.previous();
            if (v % 2 == 1) it.remove();
            else it.set(v * 100);
        }
        System.out.println(nums);
        ListIterator<Integer> it2 = nums.listIterator(nums.size());
        it2.add(-1);
        it2.previous();
        it2.add(-2);
        System.out.println(nums + " " + nums.contains(-1));
        LinkedList<Integer> empty = new LinkedList<>();
        System.out.println(empty.poll() + " " + empty.peekLast() + " " + empty.pollFirst());
        try {
            empty.removeFirst();
        } catch (java.util.NoSuchElementException e) {
            System.out.println("NSEE " + e.getMessage());
        }
        try {
            empty.getLast();
        } catch (java.util.NoSuchElementException e) {
            System.out.println("NSEE " + e.getMessage());
        }
        LinkedList<Integer> queue = new LinkedList<>();
        long acc = 0;
        for (int i = 0; i < 50000; i++) {
            queue.add(i);
            if (i % 3 == 0) acc += queue.remove();
        }
        System.out.println(queue.size() + " " + acc + " " + queue.getFirst() + " " + queue.getLast());
        System.out.println(new LinkedList<>(java.util.List.of(3, 1, 2)).equals(java.util.List.of(3, 1, 2)));
        System.out.println(nums.hashCode() + " " + nums.subList(1, 3));
    }
}
