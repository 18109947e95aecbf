package java.util.function;

/** A supplier of double results. */
@FunctionalInterface
public interface DoubleSupplier {
    double getAsDouble();
}
