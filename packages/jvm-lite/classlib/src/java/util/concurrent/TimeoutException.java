package java.util.concurrent;

/** See the Javadoc of java.util.concurrent.TimeoutException. */
public class TimeoutException extends Exception {
    public TimeoutException() {
    }

    public TimeoutException(String message) {
        super(message);
    }
}
