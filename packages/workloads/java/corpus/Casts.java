/** Primitive conversions: d2i/d2l/f2i/f2l saturation and NaN, narrowing to byte/short/char, widening losses. */
public class Casts {
    public static void main(String[] args) {
        double[] ds = {0.0, -0.0, 0.5, -0.5, 1.9999, -1.9999, 2147483647.5, 2147483648.0, -2147483648.9, -2147483649.0, 1e10, -1e10, 9.3e18, 9.3e19, -9.3e19,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 65535.7, 65536.2, -1.5, 300.7};
        for (double d : ds) {
            System.out.println(d + " -> int " + (int) d + ", long " + (long) d + ", float " + (float) d + ", short " + (short) d + ", byte " + (byte) d + ", char " + (int) (char) d);
        }
        float[] fs = {3.99f, -3.99f, 3e9f, -3e9f, 1e19f, -1e19f, Float.NaN, Float.POSITIVE_INFINITY, 16777217f};
        for (float f : fs) System.out.println(f + " -> int " + (int) f + ", long " + (long) f + ", double " + (double) f);
        long[] ls = {Long.MAX_VALUE, Long.MIN_VALUE, (1L << 53) + 1, (1L << 24) + 1, 4294967296L + 5, -1L, 0xCAFEBABEL};
        for (long l : ls) System.out.println(l + " -> int " + (int) l + ", double " + (double) l + ", float " + (float) l + ", char " + (int) (char) l + ", byte " + (byte) l);
        int[] is = {Integer.MAX_VALUE, Integer.MIN_VALUE, 16777217, 33554435, -129, 128, 65537, 0x7FFFFFFF - 63};
        for (int i : is) System.out.println(i + " -> float " + (float) i + ", double " + (double) i + ", short " + (short) i + ", char " + (int) (char) i + ", byte " + (byte) i + ", back " + (int) (float) i);
        char c = 'A';
        c += 1;
        c++;
        int ci = c + 1;
        char fromInt = (char) 97;
        System.out.println(c + " " + ci + " " + fromInt + " " + (char) (c + 1) + " " + (c > 'B') + " " + (int) '\uFFFF' + " " + (short) '\uFFFF');
        Object o = 42;
        Number n = (Number) o;
        System.out.println(n.doubleValue() + " " + n.longValue() + " " + n.byteValue() + " " + ((Integer) o + 1));
        Object[] objs = {1, 1L, 1.0, 1.0f, 'c', (short) 1, (byte) 1, true};
        StringBuilder sb = new StringBuilder();
        for (Object x : objs) sb.append(x.getClass().getSimpleName()).append('=').append(x).append(' ');
        System.out.println(sb.toString().trim());
        System.out.println(Math.round(2.5) + " " + Math.round(-2.5) + " " + Math.round(0.49999999999999994) + " " + Math.round(-0.5f) + " " + Math.round(Double.NaN) + " " + Math.round(1e20) + " " + Math.round(3.5f) + " " + Math.round(-1e20f));
        System.out.println(Math.rint(2.5) + " " + Math.rint(3.5) + " " + Math.rint(-2.5) + " " + Math.floor(-1.1) + " " + Math.ceil(-1.1) + " " + Math.ceil(-0.5) + " " + Math.floor(1e300) + " " + (int) Math.ceil(7.000001));
    }
}
