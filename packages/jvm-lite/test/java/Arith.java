/** Integer/long/float/double semantics at the edges (JVMS §6.5 idiv, ldiv, d2i, fcmp, shifts). */
public class Arith {
    static int idiv(int a, int b) { return a / b; }
    public static void main(String[] args) {
        int[] ints = { 0, 1, -1, 7, -7, 31, 32, 33, Integer.MAX_VALUE, Integer.MIN_VALUE, 123456789 };
        long[] longs = { 0L, 1L, -1L, 63L, 64L, Long.MAX_VALUE, Long.MIN_VALUE, 1234567890123456789L };
        double[] ds = { 0.0, -0.0, 1.5, -1.5, 2.5, -2.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e10, -1e19, 1e300, 4.9e-324, 0.1 + 0.2 };
        StringBuilder sb = new StringBuilder();
        for (int a : ints) for (int b : ints) {
            sb.append(a + b).append(' ').append(a - b).append(' ').append(a * b).append(' ');
            if (b != 0) sb.append(a / b).append(' ').append(a % b).append(' ');
            sb.append(a << b).append(' ').append(a >> b).append(' ').append(a >>> b).append('\n');
        }
        for (long a : longs) for (long b : longs) {
            sb.append(a + b).append(' ').append(a * b).append(' ').append(a ^ b).append(' ');
            if (b != 0) sb.append(a / b).append(' ').append(a % b).append(' ');
            sb.append(a << (int) b).append(' ').append(a >> (int) b).append(' ').append(a >>> (int) b).append(' ').append(Long.compare(a, b)).append('\n');
        }
        for (double d : ds) {
            float f = (float) d;
            sb.append(d).append(' ').append(f).append(' ').append((int) d).append(' ').append((long) d).append(' ').append((int) f).append(' ')
              .append((long) f).append(' ').append((char) d).append(' ').append((byte) d).append(' ').append((short) d).append(' ')
              .append(Math.round(d)).append(' ').append(Math.round(f)).append(' ').append(Math.floor(d)).append(' ').append(Math.ceil(d)).append(' ')
              .append(Math.rint(d)).append(' ').append(Math.sqrt(d)).append(' ').append(d < 1.0).append(' ').append(d == d).append(' ')
              .append(Double.compare(d, 0.0)).append(' ').append(Double.doubleToLongBits(d)).append(' ').append(Float.floatToIntBits(f)).append(' ')
              .append(f * 3.3f).append(' ').append(d % 2.5).append(' ').append(f % 2.5f).append('\n');
        }
        sb.append(Integer.toHexString(-1)).append(' ').append(Long.toBinaryString(5)).append(' ').append(Integer.toString(-255, 16)).append(' ')
          .append(Integer.parseInt("-2147483648")).append(' ').append(Long.parseLong("9223372036854775807")).append(' ')
          .append(Integer.reverse(1)).append(' ').append(Long.numberOfTrailingZeros(64)).append(' ').append(Integer.bitCount(-1)).append('\n');
        System.out.print(sb);
        try { idiv(1, 0); } catch (ArithmeticException e) { System.out.println(e); }
        try { long z = 0; System.out.println(5L % z); } catch (ArithmeticException e) { System.out.println(e.getMessage()); }
        try { Integer.parseInt("12x"); } catch (NumberFormatException e) { System.out.println(e.getMessage()); }
        try { Double.parseDouble("abc"); } catch (NumberFormatException e) { System.out.println(e.getMessage()); }
        System.out.println(Double.parseDouble(" 1e3 ") + " " + Float.parseFloat("3.4028235e38") + " " + Double.valueOf("0x1p4"));
    }
}
