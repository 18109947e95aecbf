/** long arithmetic: overflow, division edge cases, shifts masked to 6 bits, parsing and radix conversions. */
public class LongArithmetic {
    public static void main(String[] args) {
        long max = Long.MAX_VALUE, min = Long.MIN_VALUE;
        System.out.println((max + 1) + " " + (min - 1) + " " + (min / -1) + " " + (min % -1) + " " + Math.abs(min) + " " + (max * max));
        long a = 1234567890123456789L;
        System.out.println(a * 10 + " " + a / 7 + " " + a % 7 + " " + -a / 7 + " " + -a % 7 + " " + Math.floorMod(-a, 7L));
        System.out.println((a << 3) + " " + (a >> 3) + " " + (-a >>> 3) + " " + (a << 64) + " " + (a << 65) + " " + (1L << 63) + " " + (-1L >>> 63));
        System.out.println(Long.parseLong("-9223372036854775808") + " " + Long.parseLong("7fffffffffffffff", 16) + " " + Long.parseLong("+42") + " " + Long.valueOf("123").equals(123L));
        System.out.println(Long.toString(255, 16) + " " + Long.toString(-255, 2) + " " + Long.toHexString(-1L) + " " + Long.toBinaryString(10) + " " + Long.toOctalString(64) + " " + Long.toString(min, 36));
        System.out.println(Long.bitCount(a) + " " + Long.numberOfLeadingZeros(a) + " " + Long.numberOfTrailingZeros(a) + " " + Long.highestOneBit(a) + " " + Long.lowestOneBit(a) + " " + Long.reverse(a) + " " + Long.reverseBytes(a) + " " + Long.rotateLeft(a, 17));
        System.out.println(Long.signum(-5L) + " " + Long.compare(1, 2) + " " + Long.hashCode(a) + " " + Long.valueOf(a).hashCode() + " " + Long.hashCode(-1L));
        System.out.println(Long.divideUnsigned(-1L, 10) + " " + Long.remainderUnsigned(-1L, 10) + " " + Long.toUnsignedString(-1L) + " " + Long.compareUnsigned(-1L, 0) + " " + Long.parseUnsignedLong("18446744073709551615"));
        int i = Integer.MAX_VALUE;
        long widened = i + 1;
        long correct = i + 1L;
        System.out.println(widened + " " + correct + " " + (long) i * i + " " + i * i);
        long fact = 1;
        for (int k = 1; k <= 25; k++) { fact *= k; if (k >= 19) System.out.print(fact + " "); }
        System.out.println();
        long seed = 42;
        for (int k = 0; k < 5; k++) { seed = seed * 6364136223846793005L + 1442695040888963407L; System.out.print((seed >>> 33) + " "); }
        System.out.println();
        try {
            Long.parseLong("9223372036854775808");
        } catch (NumberFormatException e) {
            System.out.println(e.getMessage());
        }
        try {
            System.out.println(a / (a - a));
        } catch (ArithmeticException e) {
            System.out.println(e.getMessage());
        }
        System.out.println(Long.MAX_VALUE / 2 * 3 + " " + (int) 3000000000L + " " + (short) 100000L + " " + (char) 65601L);
    }
}
