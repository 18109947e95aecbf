package java.lang.invoke;

public final class MethodType implements TypeDescriptor {
    private MethodType() {}
}
