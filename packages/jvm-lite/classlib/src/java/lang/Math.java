package java.lang;

public final class Math {
    private Math() {}
    public static final double E = 2.718281828459045;
    public static final double PI = 3.141592653589793;
    public static final double TAU = 2.0 * PI;

    public static native double sin(double a);
    public static native double cos(double a);
    public static native double tan(double a);
    public static native double asin(double a);
    public static native double acos(double a);
    public static native double atan(double a);
    public static double toRadians(double angdeg) { return angdeg * 0.017453292519943295; }
    public static double toDegrees(double angrad) { return angrad * 57.29577951308232; }
    public static native double exp(double a);
    public static native double log(double a);
    public static native double log10(double a);
    public static native double sqrt(double a);
    public static native double cbrt(double a);
    public static native double IEEEremainder(double f1, double f2);
    public static native double ceil(double a);
    public static native double floor(double a);
    public static native double rint(double a);
    public static native double atan2(double y, double x);
    public static native double pow(double a, double b);
    public static native int round(float a);
    public static native long round(double a);
    public static native double random();
    public static native double sinh(double x);
    public static native double cosh(double x);
    public static native double tanh(double x);
    public static native double hypot(double x, double y);
    public static native double expm1(double x);
    public static native double log1p(double x);
    public static native double ulp(double d);
    public static native float ulp(float f);
    public static native double signum(double d);
    public static native float signum(float f);
    public static native double copySign(double magnitude, double sign);
    public static native double fma(double a, double b, double c);
    public static native double scalb(double d, int scaleFactor);
    public static float scalb(float f, int scaleFactor) { return (float) scalb((double) f, scaleFactor); }
    public static native int getExponent(double d);
    public static native double nextUp(double d);
    public static native double nextDown(double d);
    public static native double nextAfter(double start, double direction);
    public static float nextUp(float f) { return nextAfterF(f, Double.POSITIVE_INFINITY); }
    public static float nextDown(float f) { return nextAfterF(f, Double.NEGATIVE_INFINITY); }
    public static float nextAfter(float start, double direction) { return nextAfterF(start, direction); }
    private static native float nextAfterF(float start, double direction);
    public static int getExponent(float f) { return ((Float.floatToRawIntBits(f) & 0x7f800000) >> 23) - 127; }

    public static int addExact(int x, int y) {
        int r = x + y;
        if (((x ^ r) & (y ^ r)) < 0) throw new ArithmeticException("integer overflow");
        return r;
    }
    public static long addExact(long x, long y) {
        long r = x + y;
        if (((x ^ r) & (y ^ r)) < 0) throw new ArithmeticException("long overflow");
        return r;
    }
    public static int subtractExact(int x, int y) {
        int r = x - y;
        if (((x ^ y) & (x ^ r)) < 0) throw new ArithmeticException("integer overflow");
        return r;
    }
    public static long subtractExact(long x, long y) {
        long r = x - y;
        if (((x ^ y) & (x ^ r)) < 0) throw new ArithmeticException("long overflow");
        return r;
    }
    public static int multiplyExact(int x, int y) {
        long r = (long) x * (long) y;
        if ((int) r != r) throw new ArithmeticException("integer overflow");
        return (int) r;
    }
    public static long multiplyExact(long x, int y) { return multiplyExact(x, (long) y); }
    public static long multiplyExact(long x, long y) {
        long r = x * y;
        long ax = Math.abs(x);
        long ay = Math.abs(y);
        if (((ax | ay) >>> 31 != 0)) {
            if (((y != 0) && (r / y != x)) || (x == Long.MIN_VALUE && y == -1)) throw new ArithmeticException("long overflow");
        }
        return r;
    }
    public static int incrementExact(int a) {
        if (a == Integer.MAX_VALUE) throw new ArithmeticException("integer overflow");
        return a + 1;
    }
    public static long incrementExact(long a) {
        if (a == Long.MAX_VALUE) throw new ArithmeticException("long overflow");
        return a + 1L;
    }
    public static int decrementExact(int a) {
        if (a == Integer.MIN_VALUE) throw new ArithmeticException("integer overflow");
        return a - 1;
    }
    public static long decrementExact(long a) {
        if (a == Long.MIN_VALUE) throw new ArithmeticException("long overflow");
        return a - 1L;
    }
    public static int negateExact(int a) {
        if (a == Integer.MIN_VALUE) throw new ArithmeticException("integer overflow");
        return -a;
    }
    public static long negateExact(long a) {
        if (a == Long.MIN_VALUE) throw new ArithmeticException("long overflow");
        return -a;
    }
    public static int toIntExact(long value) {
        if ((int) value != value) throw new ArithmeticException("integer overflow");
        return (int) value;
    }
    public static long multiplyFull(int x, int y) { return (long) x * (long) y; }
    public static int floorDiv(int x, int y) {
        int q = x / y;
        if ((x ^ y) < 0 && (q * y != x)) return q - 1;
        return q;
    }
    public static long floorDiv(long x, int y) { return floorDiv(x, (long) y); }
    public static long floorDiv(long x, long y) {
        long q = x / y;
        if ((x ^ y) < 0 && (q * y != x)) return q - 1;
        return q;
    }
    public static int floorMod(int x, int y) {
        int mod = x % y;
        if ((mod ^ y) < 0 && mod != 0) mod += y;
        return mod;
    }
    public static int floorMod(long x, int y) { return (int) floorMod(x, (long) y); }
    public static long floorMod(long x, long y) {
        long mod = x % y;
        if ((mod ^ y) < 0 && mod != 0) mod += y;
        return mod;
    }
    public static int abs(int a) { return (a < 0) ? -a : a; }
    public static int absExact(int a) {
        if (a == Integer.MIN_VALUE) throw new ArithmeticException("Overflow to represent absolute value of Integer.MIN_VALUE");
        return abs(a);
    }
    public static long abs(long a) { return (a < 0) ? -a : a; }
    public static float abs(float a) { return (a <= 0.0F) ? 0.0F - a : a; }
    public static double abs(double a) { return (a <= 0.0D) ? 0.0D - a : a; }
    public static int max(int a, int b) { return (a >= b) ? a : b; }
    public static long max(long a, long b) { return (a >= b) ? a : b; }
    public static float max(float a, float b) { return (float) max((double) a, (double) b); }
    public static double max(double a, double b) {
        if (a != a) return a;
        if ((a == 0.0d) && (b == 0.0d) && (Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(-0.0d))) return b;
        return (a >= b) ? a : b;
    }
    public static int min(int a, int b) { return (a <= b) ? a : b; }
    public static long min(long a, long b) { return (a <= b) ? a : b; }
    public static float min(float a, float b) { return (float) min((double) a, (double) b); }
    public static double min(double a, double b) {
        if (a != a) return a;
        if ((a == 0.0d) && (b == 0.0d) && (Double.doubleToRawLongBits(b) == Double.doubleToRawLongBits(-0.0d))) return b;
        return (a <= b) ? a : b;
    }
    public static int clamp(long value, int min, int max) { return (int) Math.min(max, Math.max(value, min)); }
}
