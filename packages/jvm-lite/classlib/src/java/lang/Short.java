package java.lang;

public final class Short extends Number implements Comparable<Short> {
    public static final short MIN_VALUE = -32768;
    public static final short MAX_VALUE = 32767;
    public static final int SIZE = 16;
    public static final int BYTES = 2;
    @SuppressWarnings("unchecked")
    public static final Class<Short> TYPE = (Class<Short>) Class.getPrimitiveClass("short");
    private static final Short[] cache = new Short[256];
    private final short value;
    @Deprecated public Short(short value) { this.value = value; }

    public static String toString(short s) { return Integer.toString((int) s); }
    public static short parseShort(String s, int radix) throws NumberFormatException {
        int i = Integer.parseInt(s, radix);
        if (i < MIN_VALUE || i > MAX_VALUE)
            throw new NumberFormatException("Value out of range. Value:\"" + s + "\" Radix:" + radix);
        return (short) i;
    }
    public static short parseShort(String s) throws NumberFormatException { return parseShort(s, 10); }
    public static Short valueOf(String s, int radix) { return valueOf(parseShort(s, radix)); }
    public static Short valueOf(String s) { return valueOf(parseShort(s, 10)); }
    public static Short valueOf(short s) {
        int i = s;
        if (i >= -128 && i <= 127) {
            Short c = cache[i + 128];
            if (c == null) cache[i + 128] = c = new Short(s);
            return c;
        }
        return new Short(s);
    }
    public byte byteValue() { return (byte) value; }
    public short shortValue() { return (short) value; }
    public int intValue() { return (int) value; }
    public long longValue() { return (long) value; }
    public float floatValue() { return (float) value; }
    public double doubleValue() { return (double) value; }
    public String toString() { return Integer.toString((int) value); }
    public int hashCode() { return (int) value; }
    public static int hashCode(short value) { return (int) value; }
    public boolean equals(Object obj) {
        if (obj instanceof Short) return value == ((Short) obj).shortValue();
        return false;
    }
    public int compareTo(Short another) { return compare(this.value, another.value); }
    public static short reverseBytes(short i) { return (short) (((i & 0xFF00) >> 8) | (i << 8)); }
    public static int compare(short x, short y) { return x - y; }
    public static int toUnsignedInt(short x) { return ((int) x) & 0xffff; }
    public static long toUnsignedLong(short x) { return ((long) x) & 0xffffL; }
}
