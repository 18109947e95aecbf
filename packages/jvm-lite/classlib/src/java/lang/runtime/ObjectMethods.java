package java.lang.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.TypeDescriptor;

public class ObjectMethods {
    private ObjectMethods() {}
    public static native Object bootstrap(MethodHandles.Lookup lookup, String methodName, TypeDescriptor type,
        Class<?> recordClass, String names, MethodHandle... getters) throws Throwable;

    /* The VM links the three record methods to these helpers, passing the component values boxed. */
    static String toStringImpl(String simpleName, String names, Object[] values) {
        StringBuilder sb = new StringBuilder(simpleName).append('[');
        int start = 0;
        for (int i = 0; i < values.length; i++) {
            int end = names.indexOf(';', start);
            if (end < 0) end = names.length();
            if (i > 0) sb.append(", ");
            sb.append(names, start, end).append('=').append(String.valueOf(values[i]));
            start = end + 1;
        }
        return sb.append(']').toString();
    }
    static int hashCodeImpl(Object[] values) {
        int result = 0;
        for (Object v : values) result = 31 * result + (v == null ? 0 : v.hashCode());
        return result;
    }
    static boolean equalsImpl(Object[] a, Object[] b) {
        for (int i = 0; i < a.length; i++) {
            Object x = a[i];
            Object y = b[i];
            if (x == null ? y != null : !x.equals(y)) return false;
        }
        return true;
    }
}
