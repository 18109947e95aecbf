package java.util;

/** A Formatter error; getMessage() matches the JDK's text. */
public class MissingFormatArgumentException extends IllegalFormatException {
    private final String s;

    public MissingFormatArgumentException(String s) {
        if (s == null) throw new NullPointerException();
        this.s = s;
    }

    @Override public String getMessage() {
        return "Format specifier '" + s + "'";
    }
}
