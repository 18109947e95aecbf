/** int/short/byte arithmetic edge cases: overflow, MIN_VALUE / -1, remainder signs, shifts, compound ops. */
public class IntArithmetic {
    public static void main(String[] args) {
        int max = Integer.MAX_VALUE, min = Integer.MIN_VALUE;
        System.out.println((max + 1) + " " + (min - 1) + " " + (max * 2) + " " + (min * -1) + " " + (-min) + " " + Math.abs(min));
        System.out.println((min / -1) + " " + (min % -1) + " " + (max / -1));
        int[][] pairs = {{7, 3}, {-7, 3}, {7, -3}, {-7, -3}, {0, 5}, {5, 7}, {min, 3}, {max, -2}};
        for (int[] p : pairs) System.out.print(p[0] / p[1] + ":" + p[0] % p[1] + ":" + Math.floorDiv(p[0], p[1]) + ":" + Math.floorMod(p[0], p[1]) + " ");
        System.out.println();
        int x = 0x12345678;
        System.out.println((x << 4) + " " + (x >> 4) + " " + (x >>> 4) + " " + (x << 32) + " " + (x << 33) + " " + (x >> -1) + " " + (-1 >>> 28) + " " + (-16 >> 2) + " " + (-16 >>> 2));
        System.out.println((1 << 31) + " " + (1 << 63) + " " + (1 << -1) + " " + (5 >> 100));
        int i = 10;
        i += 3.7;
        System.out.print(i + " ");
        i -= 0.5;
        System.out.print(i + " ");
        i *= 2.5;
        System.out.print(i + " ");
        i /= 0.3;
        System.out.print(i + " ");
        i <<= 33;
        System.out.print(i + " ");
        i ^= 0xFF;
        System.out.println(i);
        byte b = 127;
        b++;
        short s = 32767;
        s += 2;
        byte b2 = (byte) 200;
        char c = (char) -1;
        System.out.println(b + " " + s + " " + b2 + " " + (int) c + " " + (byte) 0x80 + " " + (short) 0x18000 + " " + (b2 & 0xFF));
        byte bb = -128;
        bb >>>= 1;
        System.out.println(bb + " " + ((byte) -128 >>> 1) + " " + (byte) (bb * 3));
        int h = 0;
        for (int k = 0; k < 100; k++) h = 31 * h + k * 1000003;
        System.out.println("hash " + h);
        System.out.println(Integer.compare(min, max) + " " + Integer.signum(-9) + " " + Integer.sum(max, 1) + " " + Integer.max(3, 4));
        System.out.println(Integer.divideUnsigned(-1, 3) + " " + Integer.remainderUnsigned(-1, 3) + " " + Integer.toUnsignedString(-1) + " " + Integer.toUnsignedLong(-2) + " " + Integer.compareUnsigned(-1, 1));
        try {
            System.out.println(5 / (i - i));
        } catch (ArithmeticException e) {
            System.out.println("div: " + e.getMessage());
        }
        try {
            System.out.println(5 % (i - i));
        } catch (ArithmeticException e) {
            System.out.println("rem: " + e.getMessage());
        }
        int acc = 1;
        for (int k = 0; k < 40; k++) acc *= 3;
        System.out.println("3^40 as int " + acc);
        System.out.println(1 + 2 + "3" + 4 + 5);
        System.out.println(017 + 0x1F + 0b101);
        int neg = -17;
        System.out.println((neg >> 1) + " " + (neg / 2) + " " + (neg >>> 1) + " " + (~neg) + " " + (-neg));
    }
}
