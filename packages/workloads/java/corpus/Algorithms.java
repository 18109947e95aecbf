import java.util.ArrayList;
import java.util.List;

/** Classic algorithms: sieve, LCS, edit distance, knapsack, binary search, quickselect, topological sort. */
public class Algorithms {
    static int lcs(String a, String b) {
        int[][] dp = new int[a.length() + 1][b.length() + 1];
        for (int i = 1; i <= a.length(); i++)
            for (int j = 1; j <= b.length(); j++)
                dp[i][j] = a.charAt(i - 1) == b.charAt(j - 1) ? dp[i - 1][j - 1] + 1 : Math.max(dp[i - 1][j], dp[i][j - 1]);
        return dp[a.length()][b.length()];
    }
    static int edit(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
    static int knapsack(int[] w, int[] v, int cap) {
        int[] dp = new int[cap + 1];
        for (int i = 0; i < w.length; i++) for (int c = cap; c >= w[i]; c--) dp[c] = Math.max(dp[c], dp[c - w[i]] + v[i]);
        return dp[cap];
    }
    static int quickselect(int[] a, int k) {
        int lo = 0, hi = a.length - 1;
        while (lo < hi) {
            int pivot = a[(lo + hi) >>> 1], i = lo, j = hi;
            while (i <= j) {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) { int t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
            }
            if (k <= j) hi = j; else if (k >= i) lo = i; else return a[k];
        }
        return a[k];
    }
    static List<Integer> topo(int n, int[][] edges) {
        List<List<Integer>> adj = new ArrayList<>();
        int[] indeg = new int[n];
        for (int i = 0; i < n; i++) adj.add(new ArrayList<>());
        for (int[] e : edges) { adj.get(e[0]).add(e[1]); indeg[e[1]]++; }
        java.util.PriorityQueue<Integer> ready = new java.util.PriorityQueue<>();
        for (int i = 0; i < n; i++) if (indeg[i] == 0) ready.add(i);
        List<Integer> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            int u = ready.poll();
            order.add(u);
            for (int v : adj.get(u)) if (--indeg[v] == 0) ready.add(v);
        }
        return order;
    }

    public static void main(String[] args) {
        int limit = 100000;
        boolean[] composite = new boolean[limit + 1];
        int count = 0;
        long sum = 0;
        for (int i = 2; i <= limit; i++) {
            if (composite[i]) continue;
            count++;
            sum += i;
            for (long j = (long) i * i; j <= limit; j += i) composite[(int) j] = true;
        }
        System.out.println("primes " + count + " sum " + sum);
        System.out.println("lcs " + lcs("AGGTABQWERTY", "GXTXAYBWRT") + " edit " + edit("kitten", "sitting") + " " + edit("intention", "execution"));
        System.out.println("knapsack " + knapsack(new int[] {12, 7, 11, 8, 9}, new int[] {24, 13, 23, 15, 16}, 26));
        int[] data = new int[1001];
        for (int i = 0; i < data.length; i++) data[i] = (i * 7919 + 13) % 1009;
        System.out.println("median " + quickselect(data.clone(), 500) + " min " + quickselect(data.clone(), 0) + " max " + quickselect(data.clone(), 1000));
        System.out.println("topo " + topo(8, new int[][] {{0, 3}, {1, 3}, {1, 4}, {2, 4}, {3, 5}, {4, 5}, {5, 6}, {2, 7}, {7, 6}}));
        int[] sorted = new int[50];
        for (int i = 0; i < 50; i++) sorted[i] = i * i;
        int lo = 0, hi = sorted.length - 1, target = 1369, steps = 0;
        while (lo <= hi) {
            steps++;
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < target) lo = mid + 1; else if (sorted[mid] > target) hi = mid - 1; else { lo = mid; break; }
        }
        System.out.println("found at " + lo + " in " + steps + " steps");
        long[] memo = new long[91];
        memo[1] = 1;
        for (int i = 2; i <= 90; i++) memo[i] = memo[i - 1] + memo[i - 2];
        System.out.println("fib90 " + memo[90]);
        int coins = 0;
        int[] ways = new int[201];
        ways[0] = 1;
        for (int c : new int[] {1, 2, 5, 10, 20, 50, 100, 200}) { coins++; for (int v = c; v <= 200; v++) ways[v] += ways[v - c]; }
        System.out.println("coin ways " + ways[200] + " with " + coins + " coins");
    }
}
