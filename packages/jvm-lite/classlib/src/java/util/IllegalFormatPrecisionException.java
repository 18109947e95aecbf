package java.util;

/** A Formatter error; getMessage() matches the JDK's text. */
public class IllegalFormatPrecisionException extends IllegalFormatException {
    private final int p;

    public IllegalFormatPrecisionException(int p) {
        this.p = p;
    }

    @Override public String getMessage() {
        return Integer.toString(p);
    }
}
