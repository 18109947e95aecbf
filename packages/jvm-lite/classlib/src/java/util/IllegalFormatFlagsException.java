package java.util;

/** A Formatter error; getMessage() matches the JDK's text. */
public class IllegalFormatFlagsException extends IllegalFormatException {
    private final String flags;

    public IllegalFormatFlagsException(String f) {
        if (f == null) throw new NullPointerException();
        this.flags = f;
    }

    @Override public String getMessage() {
        return "Flags = '" + flags + "'";
    }
}
