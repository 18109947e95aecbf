package java.util.function;

/* Fallback used by the classlib build only until classlib/src/java/util/function/Consumer.java exists. */
@FunctionalInterface
public interface Consumer<T> {
    void accept(T t);
}
