package java.lang.reflect;

public final class Array {
    private Array() {}
    public static Object newInstance(Class<?> componentType, int length) throws NegativeArraySizeException {
        return newArray(componentType, length);
    }
    public static Object newInstance(Class<?> componentType, int... dimensions) {
        if (dimensions.length == 1) return newArray(componentType, dimensions[0]);
        return multiNewArray(componentType, dimensions);
    }
    private static native Object newArray(Class<?> componentType, int length);
    private static native Object multiNewArray(Class<?> componentType, int[] dimensions);
    public static native int getLength(Object array);
    public static native Object get(Object array, int index);
    public static native void set(Object array, int index, Object value);
}
