package java.lang;

public class IllegalCallerException extends RuntimeException {
    public IllegalCallerException() { super(); }
    public IllegalCallerException(String s) { super(s); }
}
