package java.lang;

import java.io.InputStream;
import java.io.PrintStream;

public final class System {
    private System() {}

    public static final InputStream in = new jdk.internal.misc.StdinStream();
    public static final PrintStream out = new PrintStream(1);
    public static final PrintStream err = new PrintStream(2);

    public static native void arraycopy(Object src, int srcPos, Object dest, int destPos, int length);
    public static native long currentTimeMillis();
    public static native long nanoTime();
    public static native int identityHashCode(Object x);
    private static native String getProperty0(String key);
    public static native String getenv(String name);
    private static native void setOut0(PrintStream out);
    private static native void setErr0(PrintStream err);
    private static native void setIn0(InputStream in);

    public static void setOut(PrintStream out) { setOut0(out); }
    public static void setErr(PrintStream err) { setErr0(err); }
    public static void setIn(InputStream in) { setIn0(in); }

    public static String getProperty(String key) {
        if (key == null) throw new NullPointerException("key can't be null");
        if (key.isEmpty()) throw new IllegalArgumentException("key can't be empty");
        return getProperty0(key);
    }
    public static String getProperty(String key, String def) {
        String v = getProperty(key);
        return v == null ? def : v;
    }
    public static String lineSeparator() { return "\n"; }
    public static void exit(int status) { Runtime.getRuntime().exit(status); }
    public static void gc() { Runtime.getRuntime().gc(); }
}
