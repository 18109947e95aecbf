/** float and double: printing (shortest repr), rounding, NaN, infinities, signed zero, comparisons, float precision. */
public class FloatDouble {
    public static void main(String[] args) {
        double[] ds = {0.1, 0.2, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, 100.0, 1e7, 1.0e-3, 9.999e-4, 1234567.0, 12345678.9, 1e21, 1e-300, 4.9e-324,
            Double.MAX_VALUE, Double.MIN_NORMAL, 0.5, 2.5e-5, 123456789012345680.0, 1.0E22, 3.141592653589793, -0.0, 5e-324 * 3, 0.3, 1e16, 9007199254740993.0};
        for (double d : ds) System.out.print(d + " ");
        System.out.println();
        float[] fs = {0.1f, 0.2f, 0.1f + 0.2f, 1.0f / 3, 16777217f, 1e10f, 1.17549435E-38f, 1.4e-45f, Float.MAX_VALUE, 3.4e38f, 100f, 1e7f, 1.0e-3f, 0.33333334f, 123456.789f};
        for (float f : fs) System.out.print(f + " ");
        System.out.println();
        double nan = Double.NaN, inf = Double.POSITIVE_INFINITY;
        System.out.println((nan == nan) + " " + (nan != nan) + " " + (nan < 1) + " " + (nan > 1) + " " + Double.isNaN(0.0 / 0.0) + " " + Double.compare(nan, inf) + " " + Double.valueOf(nan).equals(nan));
        System.out.println(inf + " " + (-inf) + " " + (inf - inf) + " " + (inf * 0) + " " + (1 / 0.0) + " " + (-1 / 0.0) + " " + (1 / -0.0) + " " + (0.0 == -0.0) + " " + Double.compare(0.0, -0.0) + " " + Double.valueOf(0.0).equals(-0.0));
        System.out.println(Math.min(0.0, -0.0) + " " + Math.max(-0.0, 0.0) + " " + Math.min(nan, 1) + " " + (-0.0 + 0.0) + " " + (0.0 * -1) + " " + Math.abs(-0.0) + " " + Math.signum(-2.5) + " " + Math.copySign(3, -0.0));
        System.out.println(Double.doubleToLongBits(1.0) + " " + Double.doubleToLongBits(-0.0) + " " + Double.doubleToLongBits(nan) + " " + Long.toHexString(Double.doubleToRawLongBits(Math.PI)) + " " + Double.longBitsToDouble(0x4000000000000000L));
        System.out.println(Float.floatToIntBits(1.5f) + " " + Integer.toHexString(Float.floatToIntBits(-0.1f)) + " " + Float.intBitsToFloat(0x7f800000) + " " + Float.intBitsToFloat(1));
        float f = 0;
        for (int i = 0; i < 10; i++) f += 0.1f;
        double d = 0;
        for (int i = 0; i < 10; i++) d += 0.1;
        System.out.println(f + " " + d + " " + (f == 1.0f) + " " + (float) d + " " + (double) 0.1f + " " + (0.1f == 0.1));
        float big = 16777216f;
        System.out.println((big + 1) + " " + (big + 2) + " " + (int) (big + 1) + " " + (1e20f * 1e20f) + " " + (float) 1e40 + " " + (float) 1e-50 + " " + 1.0f / 3 * 3);
        System.out.println(0.1 * 3 + " " + 1.1 * 1.1 + " " + 3.0 * 1.1 + " " + 100.0 / 3 + " " + 2e-3 / 7 + " " + Math.sqrt(2) + " " + 1e15 / 7 + " " + 1e16 / 7);
        System.out.println(5.0 % 3 + " " + -5.5 % 2 + " " + 5.5 % -2 + " " + 1e300 * 1e10 % 3 + " " + 7.0 % 0 + " " + 0.7 % 0.1 + " " + (float) (10.5f % 3.2f));
        System.out.println(Double.toString(1.0E-5) + " " + Double.toString(0.001) + " " + 1.0E-4 + " " + 12345.678e3 + " " + Float.toString(1.0E-5f) + " " + 1.0E7f + " " + 9999999.0f + " " + 0.001f);
        System.out.println(Double.parseDouble("1e3") + " " + Double.parseDouble("-.5") + " " + Double.parseDouble("  12.5  ") + " " + Double.valueOf("NaN") + " " + Double.parseDouble("-Infinity") + " " + Float.parseFloat("3.4028236e38") + " " + Double.parseDouble("0x1p-2"));
        System.out.println(Double.MIN_VALUE + " " + Float.MIN_VALUE + " " + Double.MAX_VALUE + " " + Float.MIN_NORMAL + " " + Math.ulp(1.0) + " " + Math.ulp(1.0f) + " " + Math.nextUp(1.0) + " " + Math.nextDown(1.0f));
        System.out.println(Double.hashCode(1.5) + " " + Float.hashCode(1.5f) + " " + Double.valueOf(-0.0).hashCode() + " " + Double.compare(1.5, 2.5) + " " + Float.compare(Float.NaN, 1f) + " " + Double.isInfinite(-inf) + " " + Double.isFinite(nan));
        double acc = 1;
        for (int i = 0; i < 60; i++) acc = acc * 1.7 - 0.35;
        System.out.println(acc + " " + (float) acc + " " + (long) acc + " " + Math.round(acc / 1e12));
    }
}
