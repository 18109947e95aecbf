package java.util;

/** Base of the format-string errors of Formatter. */
public class IllegalFormatException extends IllegalArgumentException {
    IllegalFormatException() {
    }
}
