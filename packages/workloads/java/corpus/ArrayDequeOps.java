import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Queue;

/** ArrayDeque as stack and queue, wrap-around growth, iteration both ways, and a BFS on a grid. */
public class ArrayDequeOps {
    public static void main(String[] args) {
        Deque<Integer> dq = new ArrayDeque<>();
        for (int i = 0; i < 5; i++) { dq.addFirst(i); dq.addLast(i * 10); }
        System.out.println(dq + " " + dq.size() + " " + dq.peekFirst() + " " + dq.peekLast());
        System.out.println(dq.pollFirst() + " " + dq.pollLast() + " " + dq.pop() + " " + dq.removeLast() + " " + dq);
        Deque<String> stack = new ArrayDeque<>();
        stack.push("a"); stack.push("b"); stack.push("c");
        System.out.println(stack + " " + stack.peek() + " " + stack.pop() + " " + stack);
        Queue<Integer> q = new ArrayDeque<>(4);
        for (int round = 0; round < 6; round++) {
            for (int i = 0; i < 7; i++) q.offer(round * 10 + i);
            for (int i = 0; i < 5; i++) q.poll();
        }
        System.out.println(q + " " + q.size());
        Iterator<Integer> desc = ((ArrayDeque<Integer>) q).descendingIterator();
        StringBuilder sb = new StringBuilder();
        while (desc.hasNext()) sb.append(desc.next()).append(',');
        System.out.println(sb);
        ArrayDeque<Integer> r = new ArrayDeque<>();
        for (int i = 0; i < 10; i++) r.add(i % 4);
        r.removeFirstOccurrence(2);
        r.removeLastOccurrence(3);
        System.out.println(r + " " + r.contains(3) + " " + r.contains(7));
        try {
            r.addFirst(null);
        } catch (NullPointerException e) {
            System.out.println("null rejected");
        }
        System.out.println(new ArrayDeque<Integer>().poll() + " " + new ArrayDeque<Integer>().peekLast());
        try {
            new ArrayDeque<Integer>().removeFirst();
        } catch (java.util.NoSuchElementException e) {
            System.out.println("NSEE " + e.getMessage());
        }
        String[] grid = {
            "S.#.......",
            ".##.####..",
            "....#..#..",
            "##.##.##.#",
            "......#..E",
        };
        int rows = grid.length, cols = grid[0].length();
        int[][] dist = new int[rows][cols];
        for (int[] row : dist) java.util.Arrays.fill(row, -1);
        ArrayDeque<int[]> bfs = new ArrayDeque<>();
        bfs.add(new int[] {0, 0});
        dist[0][0] = 0;
        int[][] dirs = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        while (!bfs.isEmpty()) {
            int[] cur = bfs.poll();
            for (int[] d : dirs) {
                int nr = cur[0] + d[0], nc = cur[1] + d[1];
                if (nr < 0 || nc < 0 || nr >= rows || nc >= cols || grid[nr].charAt(nc) == '#' || dist[nr][nc] >= 0) continue;
                dist[nr][nc] = dist[cur[0]][cur[1]] + 1;
                bfs.add(new int[] {nr, nc});
            }
        }
        System.out.println("shortest path " + dist[4][9]);
        for (int[] row : dist) {
            StringBuilder line = new StringBuilder();
            for (int v : row) line.append(v < 0 ? " #" : String.format("%2d", v));
            System.out.println(line);
        }
    }
}
