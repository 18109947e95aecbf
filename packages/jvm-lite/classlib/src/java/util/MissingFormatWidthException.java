package java.util;

/** A Formatter error; getMessage() matches the JDK's text. */
public class MissingFormatWidthException extends IllegalFormatException {
    private final String s;

    public MissingFormatWidthException(String s) {
        if (s == null) throw new NullPointerException();
        this.s = s;
    }

    @Override public String getMessage() {
        return s;
    }
}
