package java.util.function;

/** An operation on an object and a double that returns nothing. */
@FunctionalInterface
public interface ObjDoubleConsumer<T> {
    void accept(T t, double value);
}
