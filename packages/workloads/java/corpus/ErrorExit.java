/** Exceptions and exit codes: an uncaught checked exception declared by main after output to both streams. */
public class ErrorExit {
    static class ValidationException extends Exception {
        ValidationException(String m) { super(m); }
    }

    static void validate(int[] values) throws ValidationException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0) throw new ValidationException("value at index " + i + " is negative: " + values[i]);
            System.out.println("ok " + values[i]);
        }
    }

    public static void main(String[] args) throws ValidationException {
        System.err.println("validating");
        validate(new int[] {3, 1, -4, 1});
    }
}
