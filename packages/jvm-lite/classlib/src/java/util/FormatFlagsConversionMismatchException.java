package java.util;

/** A Formatter error; getMessage() matches the JDK's text. */
public class FormatFlagsConversionMismatchException extends IllegalFormatException {
    private final String f;
    private final char c;

    public FormatFlagsConversionMismatchException(String f, char c) {
        if (f == null) throw new NullPointerException();
        this.f = f;
        this.c = c;
    }

    @Override public String getMessage() {
        return "Conversion = " + c + ", Flags = " + f;
    }
}
