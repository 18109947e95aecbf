package java.lang;

public final class Class<T> implements java.io.Serializable {
    private Class() {}

    public native String getName();
    public native boolean isInstance(Object obj);
    public native boolean isAssignableFrom(Class<?> cls);
    public native boolean isInterface();
    public native boolean isArray();
    public native boolean isPrimitive();
    public native Class<? super T> getSuperclass();
    public native Class<?> getComponentType();
    public native int getModifiers();
    public native Class<?>[] getInterfaces();
    native Object[] enumConstants();
    native String simpleBinaryName();
    public native boolean isRecord();
    public native boolean isHidden();
    public native Class<?> getNestHost();
    public native Class<?> getDeclaringClass();
    public native Class<?> getEnclosingClass();
    static native Class<?> getPrimitiveClass(String name);
    private static native Class<?> forName0(String name, boolean initialize);
    public native boolean desiredAssertionStatus();
    private native Class<?>[] permittedSubclasses0();
    public boolean isSealed() { return !isArray() && permittedSubclasses0() != null; }
    public Class<?>[] getPermittedSubclasses() {
        Class<?>[] p = permittedSubclasses0();
        return p == null ? null : p.clone();
    }

    public static Class<?> forName(String className) throws ClassNotFoundException { return forName0(className, true); }

    public boolean isEnum() { return (getModifiers() & 0x4000) != 0 && getSuperclass() == Enum.class; }
    public boolean isAnnotation() { return (getModifiers() & 0x2000) != 0; }
    public boolean isSynthetic() { return (getModifiers() & 0x1000) != 0; }

    @SuppressWarnings("unchecked")
    public T cast(Object obj) {
        if (obj != null && !isInstance(obj)) throw new ClassCastException("Cannot cast " + obj.getClass().getName() + " to " + getName());
        return (T) obj;
    }

    @SuppressWarnings("unchecked")
    public T[] getEnumConstants() {
        Object[] v = enumConstants();
        return v == null ? null : (T[]) v.clone();
    }

    public String getSimpleName() {
        if (isArray()) return getComponentType().getSimpleName() + "[]";
        if (isHidden()) {
            String n = getName();
            int slash = n.indexOf('/');
            String base = slash < 0 ? n : n.substring(0, slash);
            return base.substring(base.lastIndexOf('.') + 1) + (slash < 0 ? "" : n.substring(slash));
        }
        String simple = simpleBinaryName();
        if (simple == null) {
            String n = getName();
            return n.substring(n.lastIndexOf('.') + 1);
        }
        return simple;
    }

    public String getTypeName() {
        if (isArray()) return getComponentType().getTypeName() + "[]";
        return getName();
    }

    public String getCanonicalName() {
        if (isArray()) {
            String c = getComponentType().getCanonicalName();
            return c == null ? null : c + "[]";
        }
        if (isHidden()) return null;
        Class<?> enclosing = getDeclaringClass();
        if (enclosing == null) {
            if (simpleBinaryName() != null) return null; // local or anonymous
            return getName();
        }
        String e = enclosing.getCanonicalName();
        return e == null ? null : e + "." + getSimpleName();
    }

    public String getPackageName() {
        Class<?> c = this;
        while (c.isArray()) c = c.getComponentType();
        if (c.isPrimitive()) return "java.lang";
        String n = c.getName();
        int i = n.lastIndexOf('.');
        return i < 0 ? "" : n.substring(0, i);
    }

    public String toString() {
        return (isInterface() ? "interface " : (isPrimitive() ? "" : "class ")) + getName();
    }

    public int hashCode() { return super.hashCode(); }
}
