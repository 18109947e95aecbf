package java.lang;

public final class StackTraceElement implements java.io.Serializable {
    private final String moduleName;
    private final String declaringClass;
    private final String methodName;
    private final String fileName;
    private final int lineNumber;

    public StackTraceElement(String declaringClass, String methodName, String fileName, int lineNumber) {
        this(null, declaringClass, methodName, fileName, lineNumber);
    }
    StackTraceElement(String moduleName, String declaringClass, String methodName, String fileName, int lineNumber) {
        this.moduleName = moduleName;
        this.declaringClass = declaringClass;
        this.methodName = methodName;
        this.fileName = fileName;
        this.lineNumber = lineNumber;
    }
    public String getFileName() { return fileName; }
    public int getLineNumber() { return lineNumber; }
    public String getClassName() { return declaringClass; }
    public String getMethodName() { return methodName; }
    public String getModuleName() { return moduleName; }
    public boolean isNativeMethod() { return lineNumber == -2; }

    public String toString() {
        String s = "";
        if (moduleName != null) s = moduleName + "/";
        s = s + declaringClass + "." + methodName + "(";
        if (isNativeMethod()) s = s + "Native Method)";
        else if (fileName == null) s = s + "Unknown Source)";
        else if (lineNumber >= 0) s = s + fileName + ":" + lineNumber + ")";
        else s = s + fileName + ")";
        return s;
    }

    public boolean equals(Object obj) {
        if (obj == this) return true;
        if (!(obj instanceof StackTraceElement)) return false;
        StackTraceElement e = (StackTraceElement) obj;
        return e.lineNumber == lineNumber && eq(e.declaringClass, declaringClass) && eq(e.methodName, methodName)
            && eq(e.fileName, fileName) && eq(e.moduleName, moduleName);
    }
    private static boolean eq(Object a, Object b) { return a == null ? b == null : a.equals(b); }
    public int hashCode() {
        int result = 31 * declaringClass.hashCode() + methodName.hashCode();
        result = 31 * result + (fileName == null ? 0 : fileName.hashCode());
        return 31 * result + lineNumber;
    }
}
