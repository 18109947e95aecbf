package java.util;

/** A Formatter error; getMessage() matches the JDK's text. */
public class IllegalFormatCodePointException extends IllegalFormatException {
    private final int c;

    public IllegalFormatCodePointException(int c) {
        this.c = c;
    }

    @Override public String getMessage() {
        return "Code point = 0x" + Integer.toHexString(c);
    }
}
