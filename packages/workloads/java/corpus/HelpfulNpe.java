/** JDK 17 helpful NullPointerException messages (JEP 358): field, array, method, unboxing, local names (-g). */
public class HelpfulNpe {
    static class Node { Node next; int value; String name; int[] data; }

    interface Action { void run(); }

    static void attempt(Action a) {
        try {
            a.run();
        } catch (NullPointerException e) {
            System.out.println(e.getMessage());
        }
    }

    static String nothing() { return null; }

    public static void main(String[] args) {
        Node n = new Node();
        attempt(() -> System.out.println(n.next.value));
        attempt(() -> n.next.value = 3);
        attempt(() -> System.out.println(n.name.length()));
        attempt(() -> System.out.println(n.data[0]));
        attempt(() -> n.data[1] = 5);
        attempt(() -> System.out.println(n.data.length));
        attempt(() -> System.out.println(nothing().trim()));
        attempt(() -> { Integer boxed = null; int x = boxed; });
        attempt(() -> { String local = null; local.isEmpty(); });
        attempt(() -> { Object lock = null; synchronized (lock) { System.out.println("no"); } });
        attempt(() -> { RuntimeException e = null; throw e; });
        Node m = new Node();
        m.next = new Node();
        attempt(() -> System.out.println(m.next.next.name.length()));
        attempt(() -> { Node[] arr = new Node[2]; arr[1].value = 1; });
        attempt(() -> { throw new NullPointerException("explicit message"); });
        attempt(() -> { throw new NullPointerException(); });
    }
}
