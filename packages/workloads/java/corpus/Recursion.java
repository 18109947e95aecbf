import java.util.ArrayList;
import java.util.List;

/** Recursion: fib, Ackermann, Hanoi, permutations, N-queens, mutual recursion, memoization. */
public class Recursion {
    static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
    static int ack(int m, int n) { return m == 0 ? n + 1 : n == 0 ? ack(m - 1, 1) : ack(m - 1, ack(m, n - 1)); }
    static int moves = 0;
    static void hanoi(int n, char from, char to, char via, StringBuilder log) {
        if (n == 0) return;
        hanoi(n - 1, from, via, to, log);
        moves++;
        if (n >= 4) log.append(n).append(from).append(to).append(' ');
        hanoi(n - 1, via, to, from, log);
    }
    static void permute(String prefix, String rest, List<String> out) {
        if (rest.isEmpty()) { out.add(prefix); return; }
        for (int i = 0; i < rest.length(); i++) permute(prefix + rest.charAt(i), rest.substring(0, i) + rest.substring(i + 1), out);
    }
    static int queens(int n, int row, int cols, int d1, int d2) {
        if (row == n) return 1;
        int count = 0;
        for (int c = 0; c < n; c++) {
            if ((cols & (1 << c)) != 0 || (d1 & (1 << (row + c))) != 0 || (d2 & (1 << (row - c + n))) != 0) continue;
            count += queens(n, row + 1, cols | (1 << c), d1 | (1 << (row + c)), d2 | (1 << (row - c + n)));
        }
        return count;
    }
    static boolean isEven(int n) { return n == 0 || isOdd(n - 1); }
    static boolean isOdd(int n) { return n != 0 && isEven(n - 1); }
    static long[] memo = new long[100];
    static long fibMemo(int n) {
        if (n < 2) return n;
        if (memo[n] != 0) return memo[n];
        return memo[n] = fibMemo(n - 1) + fibMemo(n - 2);
    }
    static long gcd(long a, long b) { return b == 0 ? a : gcd(b, a % b); }
    static String toBinary(int n) { return n < 2 ? Integer.toString(n) : toBinary(n / 2) + n % 2; }
    static int sumDigits(long n) { return n == 0 ? 0 : (int) (n % 10) + sumDigits(n / 10); }

    public static void main(String[] args) {
        for (int i = 0; i <= 25; i += 5) System.out.print(fib(i) + " ");
        System.out.println();
        System.out.println("ack(2,3)=" + ack(2, 3) + " ack(3,3)=" + ack(3, 3));
        StringBuilder log = new StringBuilder();
        hanoi(6, 'A', 'C', 'B', log);
        System.out.println("hanoi moves " + moves + ": " + log.toString().trim());
        List<String> perms = new ArrayList<>();
        permute("", "abcd", perms);
        System.out.println(perms.size() + " " + perms);
        for (int n = 1; n <= 8; n++) System.out.print(queens(n, 0, 0, 0, 0) + " ");
        System.out.println();
        System.out.println(isEven(1000) + " " + isOdd(777));
        System.out.println(fibMemo(90) + " " + gcd(1071L * 1000003, 462L * 1000003) + " " + toBinary(1234) + " " + sumDigits(9876543210L));
    }
}
