package java.lang.invoke;

public class StringConcatException extends Exception {
    public StringConcatException(String msg) { super(msg); }
}
