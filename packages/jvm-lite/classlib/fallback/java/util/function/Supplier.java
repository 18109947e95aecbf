package java.util.function;

/* Fallback used by the classlib build only until classlib/src/java/util/function/Supplier.java exists. */
@FunctionalInterface
public interface Supplier<T> {
    T get();
}
