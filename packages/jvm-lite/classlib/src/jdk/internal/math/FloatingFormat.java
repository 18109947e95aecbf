package jdk.internal.math;

/** Digits for java.util.Formatter's %f/%e/%g, as JDK 17 produces them (natives). */
public final class FloatingFormat {
    private FloatingFormat() {}
    /** %.{precision}f without sign handling beyond a leading '-', no grouping. */
    public static native String toFixed(double v, int precision);
    /** %.{precision}e, e.g. 1.234560e+01. */
    public static native String toScientific(double v, int precision);
    /** %.{precision}g. */
    public static native String toGeneral(double v, int precision);
}
