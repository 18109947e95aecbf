package java.util.function;

/** An operation on two ints producing a int. */
@FunctionalInterface
public interface IntBinaryOperator {
    int applyAsInt(int left, int right);
}
