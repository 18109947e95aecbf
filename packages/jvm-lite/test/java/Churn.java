/** Allocation churn with a small live set: the collector must run and keep the program within -Xmx. */
public class Churn {
    static final class Node { Node left, right; int v; Node(Node l, Node r, int v) { left = l; right = r; this.v = v; } }
    static Node tree(int d) { return d == 0 ? new Node(null, null, 1) : new Node(tree(d - 1), tree(d - 1), d); }
    static int sum(Node n) { return n == null ? 0 : n.v + sum(n.left) + sum(n.right); }
    public static void main(String[] args) {
        Node keep = tree(10);
        long total = 0;
        for (int i = 0; i < 100; i++) total += sum(tree(12));
        System.out.println(total + " " + sum(keep));
    }
}
