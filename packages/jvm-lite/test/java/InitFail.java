/** Failed static initialization: ExceptionInInitializerError, then NoClassDefFoundError with JDK 17's summary cause. */
public class InitFail {
    static class Bad { static int v = compute(); static int compute() { throw new IllegalStateException("bad init"); } }
    static int x = 5;
    public static void main(String[] a) {
        try { System.out.println(Bad.v); } catch (ExceptionInInitializerError e) { System.out.println("EIIE " + e.getCause()); }
        try { System.out.println(Bad.v); } catch (NoClassDefFoundError e) { System.out.println(e); System.out.println(e.getCause()); }
        int[] big = null;
        Object o = new Object();
        System.out.println(o.toString().startsWith("java.lang.Object@") + " " + (o.hashCode() == System.identityHashCode(o)));
        throw new Error("end");
    }
}
