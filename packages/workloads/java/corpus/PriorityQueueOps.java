import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** PriorityQueue: heap layout (visible through toString), poll order, comparators, Dijkstra. */
public class PriorityQueueOps {
    record Edge(int to, int w) {}

    public static void main(String[] args) {
        PriorityQueue<Integer> pq = new PriorityQueue<>();
        for (int v : new int[] {42, 7, 19, 3, 88, 7, 1, 56, 23, 11}) pq.add(v);
        System.out.println(pq + " peek " + pq.peek() + " size " + pq.size());
        pq.remove(19);
        System.out.println(pq);
        StringBuilder sb = new StringBuilder();
        while (!pq.isEmpty()) sb.append(pq.poll()).append(' ');
        System.out.println(sb.toString().trim());
        PriorityQueue<String> max = new PriorityQueue<>(Comparator.reverseOrder());
        for (String s : "delta alpha echo bravo charlie foxtrot".split(" ")) max.offer(s);
        System.out.println(max);
        System.out.println(max.poll() + " " + max.poll() + " " + max);
        PriorityQueue<int[]> byCost = new PriorityQueue<>((a, b) -> a[1] != b[1] ? Integer.compare(a[1], b[1]) : Integer.compare(a[0], b[0]));
        int n = 8;
        List<List<Edge>> g = new ArrayList<>();
        for (int i = 0; i < n; i++) g.add(new ArrayList<>());
        int[][] edges = {{0, 1, 4}, {0, 2, 1}, {2, 1, 2}, {1, 3, 1}, {2, 3, 5}, {3, 4, 3}, {4, 5, 1}, {5, 6, 2}, {4, 6, 7}, {6, 7, 1}, {2, 7, 20}};
        for (int[] e : edges) { g.get(e[0]).add(new Edge(e[1], e[2])); g.get(e[1]).add(new Edge(e[0], e[2])); }
        int[] dist = new int[n];
        java.util.Arrays.fill(dist, Integer.MAX_VALUE);
        dist[0] = 0;
        byCost.add(new int[] {0, 0});
        int pops = 0;
        while (!byCost.isEmpty()) {
            int[] cur = byCost.poll();
            pops++;
            if (cur[1] > dist[cur[0]]) continue;
            for (Edge e : g.get(cur[0])) {
                int nd = cur[1] + e.w();
                if (nd < dist[e.to()]) { dist[e.to()] = nd; byCost.add(new int[] {e.to(), nd}); }
            }
        }
        System.out.println("dijkstra " + java.util.Arrays.toString(dist) + " pops " + pops);
        PriorityQueue<Integer> heap = new PriorityQueue<>(List.of(9, 8, 7, 6, 5, 4, 3, 2, 1));
        System.out.println(heap + " " + heap.contains(5));
        int x = 7;
        PriorityQueue<Integer> big = new PriorityQueue<>();
        for (int i = 0; i < 2000; i++) { x = x * 31 + 11; big.add(x & 0xffff); }
        long chk = 0;
        for (int i = 0; i < 1000; i++) chk = chk * 3 + big.poll();
        System.out.println(big.size() + " " + chk + " " + big.peek());
    }
}
