package java.lang;

public class EnumConstantNotPresentException extends RuntimeException {
    public EnumConstantNotPresentException() { super(); }
    public EnumConstantNotPresentException(String s) { super(s); }
}
