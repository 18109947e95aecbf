package java.util.concurrent;

/** See the Javadoc of java.util.concurrent.BrokenBarrierException. */
public class BrokenBarrierException extends Exception {
    public BrokenBarrierException() {
    }

    public BrokenBarrierException(String message) {
        super(message);
    }
}
