package java.lang.invoke;

public final class SerializedLambda implements java.io.Serializable {
    private SerializedLambda() {}
    public String getImplMethodName() { return null; }
    public String getImplMethodSignature() { return null; }
    public String getFunctionalInterfaceClass() { return null; }
    public String getFunctionalInterfaceMethodName() { return null; }
    public String getFunctionalInterfaceMethodSignature() { return null; }
    public String getImplClass() { return null; }
    public int getImplMethodKind() { return 0; }
    public Object getCapturedArg(int i) { return null; }
    public String getInstantiatedMethodType() { return null; }
}
