package java.util;

/** A Formatter error; getMessage() matches the JDK's text. */
public class IllegalFormatWidthException extends IllegalFormatException {
    private final int w;

    public IllegalFormatWidthException(int w) {
        this.w = w;
    }

    @Override public String getMessage() {
        return Integer.toString(w);
    }
}
