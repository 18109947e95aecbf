package java.util.function;

/** A supplier of boolean results. */
@FunctionalInterface
public interface BooleanSupplier {
    boolean getAsBoolean();
}
