package java.util;

/** A Formatter error; getMessage() matches the JDK's text. */
public class UnknownFormatConversionException extends IllegalFormatException {
    private final String s;

    public UnknownFormatConversionException(String s) {
        if (s == null) throw new NullPointerException();
        this.s = s;
    }

    @Override public String getMessage() {
        return "Conversion = '" + s + "'";
    }
}
