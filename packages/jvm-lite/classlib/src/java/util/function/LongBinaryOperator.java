package java.util.function;

/** An operation on two longs producing a long. */
@FunctionalInterface
public interface LongBinaryOperator {
    long applyAsLong(long left, long right);
}
