/** Arbitrary precision by hand: 200! and 2^1000 in base-10^9 int arrays, digit sums, Collatz records. */
public class BigFactorial {
    static int[] multiply(int[] digits, int len, int factor, int[] outLen) {
        long carry = 0;
        for (int i = 0; i < len; i++) {
            long v = (long) digits[i] * factor + carry;
            digits[i] = (int) (v % 1000000000);
            carry = v / 1000000000;
        }
        while (carry > 0) { digits[len++] = (int) (carry % 1000000000); carry /= 1000000000; }
        outLen[0] = len;
        return digits;
    }

    static String toDecimal(int[] digits, int len) {
        StringBuilder sb = new StringBuilder(Integer.toString(digits[len - 1]));
        for (int i = len - 2; i >= 0; i--) sb.append(String.format("%09d", digits[i]));
        return sb.toString();
    }

    public static void main(String[] args) {
        int[] d = new int[100];
        d[0] = 1;
        int[] len = {1};
        for (int i = 2; i <= 200; i++) multiply(d, len[0], i, len);
        String f = toDecimal(d, len[0]);
        int sum = 0;
        for (char c : f.toCharArray()) sum += c - '0';
        System.out.println("200! has " + f.length() + " digits, digit sum " + sum);
        System.out.println(f.substring(0, 60) + "...");
        int[] p = new int[40];
        p[0] = 1;
        int[] plen = {1};
        for (int i = 0; i < 1000; i++) multiply(p, plen[0], 2, plen);
        String two = toDecimal(p, plen[0]);
        int s2 = 0;
        for (char c : two.toCharArray()) s2 += c - '0';
        System.out.println("2^1000 digits " + two.length() + " sum " + s2 + " tail " + two.substring(two.length() - 20));
        long best = 0, bestN = 0;
        for (long n = 1; n < 300000; n++) {
            long x = n, steps = 0;
            while (x != 1) { x = (x & 1) == 0 ? x >> 1 : 3 * x + 1; steps++; }
            if (steps > best) { best = steps; bestN = n; }
        }
        System.out.println("longest collatz below 300000: " + bestN + " with " + best + " steps");
    }
}
