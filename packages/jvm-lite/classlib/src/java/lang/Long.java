package java.lang;

public final class Long extends Number implements Comparable<Long> {
    public static final long MIN_VALUE = 0x8000000000000000L;
    public static final long MAX_VALUE = 0x7fffffffffffffffL;
    public static final int SIZE = 64;
    public static final int BYTES = 8;
    @SuppressWarnings("unchecked")
    public static final Class<Long> TYPE = (Class<Long>) Class.getPrimitiveClass("long");
    private static final Long[] cache = new Long[256];

    private final long value;
    @Deprecated public Long(long value) { this.value = value; }
    @Deprecated public Long(String s) throws NumberFormatException { this.value = parseLong(s, 10); }

    public static String toString(long i, int radix) {
        if (radix < 2 || radix > 36) radix = 10;
        if (radix == 10) return toString(i);
        char[] buf = new char[65];
        int charPos = 64;
        boolean negative = (i < 0);
        if (!negative) i = -i;
        while (i <= -radix) {
            buf[charPos--] = Integer.digits[(int) (-(i % radix))];
            i = i / radix;
        }
        buf[charPos] = Integer.digits[(int) (-i)];
        if (negative) buf[--charPos] = '-';
        return new String(buf, charPos, (65 - charPos));
    }
    public static String toUnsignedString(long i, int radix) {
        if (i >= 0) return toString(i, radix);
        long quot = (i >>> 1) / radix << 1;
        long rem = i - quot * radix;
        if (rem >= radix) { rem -= radix; quot++; }
        return toString(quot, radix) + Character.forDigit((int) rem, radix);
    }
    public static String toUnsignedString(long i) { return toUnsignedString(i, 10); }
    public static String toHexString(long i) { return toUnsignedString0(i, 4); }
    public static String toOctalString(long i) { return toUnsignedString0(i, 3); }
    public static String toBinaryString(long i) { return toUnsignedString0(i, 1); }
    static String toUnsignedString0(long val, int shift) {
        int mag = Long.SIZE - Long.numberOfLeadingZeros(val);
        int chars = Math.max(((mag + (shift - 1)) / shift), 1);
        char[] buf = new char[chars];
        int radix = 1 << shift;
        int mask = radix - 1;
        int charPos = chars;
        do {
            buf[--charPos] = Integer.digits[((int) val) & mask];
            val >>>= shift;
        } while (charPos > 0);
        return new String(buf);
    }
    public static String toString(long i) {
        if (i == MIN_VALUE) return "-9223372036854775808";
        if (i == (int) i) return Integer.toString((int) i);
        char[] buf = new char[20];
        int pos = 20;
        boolean neg = i < 0;
        if (neg) i = -i;
        do {
            buf[--pos] = (char) ('0' + (int) (i % 10));
            i /= 10;
        } while (i != 0);
        if (neg) buf[--pos] = '-';
        return new String(buf, pos, 20 - pos);
    }

    public static long parseLong(String s, int radix) throws NumberFormatException {
        if (s == null) throw new NumberFormatException("Cannot parse null string: null");
        if (radix < Character.MIN_RADIX) throw new NumberFormatException("radix " + radix + " less than Character.MIN_RADIX");
        if (radix > Character.MAX_RADIX) throw new NumberFormatException("radix " + radix + " greater than Character.MAX_RADIX");
        boolean negative = false;
        int i = 0, len = s.length();
        long limit = -Long.MAX_VALUE;
        if (len > 0) {
            char firstChar = s.charAt(0);
            if (firstChar < '0') {
                if (firstChar == '-') {
                    negative = true;
                    limit = Long.MIN_VALUE;
                } else if (firstChar != '+') {
                    throw NumberFormatException.forInputString(s, radix);
                }
                if (len == 1) throw NumberFormatException.forInputString(s, radix);
                i++;
            }
            long multmin = limit / radix;
            long result = 0;
            while (i < len) {
                int digit = Character.digit(s.charAt(i++), radix);
                if (digit < 0 || result < multmin) throw NumberFormatException.forInputString(s, radix);
                result *= radix;
                if (result < limit + digit) throw NumberFormatException.forInputString(s, radix);
                result -= digit;
            }
            return negative ? result : -result;
        } else {
            throw NumberFormatException.forInputString(s, radix);
        }
    }
    public static long parseLong(String s) throws NumberFormatException { return parseLong(s, 10); }
    public static long parseUnsignedLong(String s, int radix) throws NumberFormatException {
        if (s == null) throw new NumberFormatException("Cannot parse null string: null");
        int len = s.length();
        if (len > 0) {
            char firstChar = s.charAt(0);
            if (firstChar == '-') {
                throw new NumberFormatException(String.format("Illegal leading minus sign on unsigned string %s.", s));
            } else {
                if (len <= 12 || (radix == 10 && len <= 18)) return parseLong(s, radix);
                long first = parseLong(s.substring(0, len - 1), radix);
                int second = Character.digit(s.charAt(len - 1), radix);
                if (second < 0) throw new NumberFormatException("Bad digit at end of " + s);
                long result = first * radix + second;
                int guard = radix * (int) (first >>> 57);
                if (guard >= 128 || (result >= 0 && guard >= 128 - Character.MAX_RADIX)) {
                    throw new NumberFormatException(String.format("String value %s exceeds range of unsigned long.", s));
                }
                return result;
            }
        } else {
            throw NumberFormatException.forInputString(s, radix);
        }
    }
    public static long parseUnsignedLong(String s) { return parseUnsignedLong(s, 10); }
    public static Long valueOf(String s, int radix) { return Long.valueOf(parseLong(s, radix)); }
    public static Long valueOf(String s) { return Long.valueOf(parseLong(s, 10)); }
    public static Long valueOf(long l) {
        if (l >= -128 && l <= 127) {
            int i = (int) l + 128;
            Long c = cache[i];
            if (c == null) cache[i] = c = new Long(l);
            return c;
        }
        return new Long(l);
    }
    public static Long decode(String nm) { return Long.valueOf(Integer.decode(nm).longValue()); }

    public byte byteValue() { return (byte) value; }
    public short shortValue() { return (short) value; }
    public int intValue() { return (int) value; }
    public long longValue() { return value; }
    public float floatValue() { return (float) value; }
    public double doubleValue() { return (double) value; }
    public String toString() { return toString(value); }
    public int hashCode() { return Long.hashCode(value); }
    public static int hashCode(long value) { return (int) (value ^ (value >>> 32)); }
    public boolean equals(Object obj) {
        if (obj instanceof Long) return value == ((Long) obj).longValue();
        return false;
    }
    public int compareTo(Long anotherLong) { return compare(this.value, anotherLong.value); }
    public static int compare(long x, long y) { return (x < y) ? -1 : ((x == y) ? 0 : 1); }
    public static int compareUnsigned(long x, long y) { return compare(x + MIN_VALUE, y + MIN_VALUE); }
    public static long divideUnsigned(long dividend, long divisor) {
        if (divisor < 0) return (compareUnsigned(dividend, divisor)) < 0 ? 0L : 1L;
        if (dividend > 0) return dividend / divisor;
        long q = ((dividend >>> 1) / divisor) << 1;
        long r = dividend - q * divisor;
        return q + (compareUnsigned(r, divisor) >= 0 ? 1 : 0);
    }
    public static long remainderUnsigned(long dividend, long divisor) { return dividend - divideUnsigned(dividend, divisor) * divisor; }
    public static long highestOneBit(long i) { return i & (MIN_VALUE >>> numberOfLeadingZeros(i)); }
    public static long lowestOneBit(long i) { return i & -i; }
    public static int numberOfLeadingZeros(long i) {
        int x = (int) (i >>> 32);
        return x == 0 ? 32 + Integer.numberOfLeadingZeros((int) i) : Integer.numberOfLeadingZeros(x);
    }
    public static int numberOfTrailingZeros(long i) {
        int x = (int) i;
        return x == 0 ? 32 + Integer.numberOfTrailingZeros((int) (i >>> 32)) : Integer.numberOfTrailingZeros(x);
    }
    public static int bitCount(long i) { return Integer.bitCount((int) i) + Integer.bitCount((int) (i >>> 32)); }
    public static long rotateLeft(long i, int distance) { return (i << distance) | (i >>> -distance); }
    public static long rotateRight(long i, int distance) { return (i >>> distance) | (i << -distance); }
    public static long reverse(long i) {
        return ((long) Integer.reverse((int) i) << 32) | (Integer.reverse((int) (i >>> 32)) & 0xffffffffL);
    }
    public static long reverseBytes(long i) {
        return ((long) Integer.reverseBytes((int) i) << 32) | (Integer.reverseBytes((int) (i >>> 32)) & 0xffffffffL);
    }
    public static int signum(long i) { return (int) ((i >> 63) | (-i >>> 63)); }
    public static long sum(long a, long b) { return a + b; }
    public static long max(long a, long b) { return Math.max(a, b); }
    public static long min(long a, long b) { return Math.min(a, b); }
}
