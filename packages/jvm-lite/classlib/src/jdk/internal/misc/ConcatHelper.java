package jdk.internal.misc;

/** Fallback of the native StringConcatFactory when a dynamic argument is an object other than String. */
public final class ConcatHelper {
    private ConcatHelper() {}
    public static String concat(Object[] parts) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) sb.append(String.valueOf(p));
        return sb.toString();
    }
}
