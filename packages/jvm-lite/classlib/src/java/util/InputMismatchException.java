package java.util;

/** See the Javadoc of java.util.InputMismatchException. */
public class InputMismatchException extends NoSuchElementException {
    public InputMismatchException() {
        super();
    }

    public InputMismatchException(String message) {
        super(message);
    }

}
