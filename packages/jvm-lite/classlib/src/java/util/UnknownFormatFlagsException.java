package java.util;

/** A Formatter error; getMessage() matches the JDK's text. */
public class UnknownFormatFlagsException extends IllegalFormatException {
    private final String flags;

    public UnknownFormatFlagsException(String f) {
        if (f == null) throw new NullPointerException();
        this.flags = f;
    }

    @Override public String getMessage() {
        return "Flags = " + flags;
    }
}
