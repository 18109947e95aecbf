package java.util;

/** A Formatter error; getMessage() matches the JDK's text. */
public class IllegalFormatConversionException extends IllegalFormatException {
    private final char c;
    private final Class<?> arg;

    public IllegalFormatConversionException(char c, Class<?> arg) {
        if (arg == null) throw new NullPointerException();
        this.c = c;
        this.arg = arg;
    }

    @Override public String getMessage() {
        return c + " != " + arg.getName();
    }
}
