/**
 * binary-trees (Computer Language Benchmarks Game task, our own code): allocate and walk many
 * perfect binary trees; a GC and allocation benchmark. args[0] = max depth (default 14).
 */
public class BinaryTrees {
    static final class Node {
        final Node left, right;
        Node(Node left, Node right) { this.left = left; this.right = right; }
        int check() { return left == null ? 1 : 1 + left.check() + right.check(); }
    }

    static Node build(int depth) { return depth == 0 ? new Node(null, null) : new Node(build(depth - 1), build(depth - 1)); }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 14;
        int minDepth = 4, maxDepth = Math.max(minDepth + 2, n);
        System.out.println("stretch tree of depth " + (maxDepth + 1) + "\t check: " + build(maxDepth + 1).check());
        Node longLived = build(maxDepth);
        for (int d = minDepth; d <= maxDepth; d += 2) {
            int iterations = 1 << (maxDepth - d + minDepth);
            int check = 0;
            for (int i = 0; i < iterations; i++) check += build(d).check();
            System.out.println(iterations + "\t trees of depth " + d + "\t check: " + check);
        }
        System.out.println("long lived tree of depth " + maxDepth + "\t check: " + longLived.check());
    }
}
