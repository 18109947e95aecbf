import java.io.*;

/** Exception tables, finally, causes, suppressed, stack traces, helpful NPE messages, VM exceptions. */
public class Exc {
    static class MyEx extends Exception { MyEx(String m, Throwable c) { super(m, c); } }
    static class Res implements AutoCloseable {
        final String n;
        Res(String n) { this.n = n; }
        public void close() throws IOException { throw new IOException("close " + n); }
    }
    int field;
    Exc next;
    static int depth = 0;
    static void recurse() { depth++; recurse(); }
    static void level3(int x) { int[] a = new int[2]; a[x] = 1; }
    static void level2(int x) throws MyEx {
        try { level3(x); } catch (RuntimeException e) { throw new MyEx("wrapped " + x, e); }
    }
    static int fin() { try { return 1; } finally { System.out.println("finally runs"); } }
    public static void main(String[] args) throws Exception {
        try { level2(5); } catch (MyEx e) { e.printStackTrace(System.out); }
        System.out.println(fin());
        try (Res a = new Res("a"); Res b = new Res("b")) { throw new IllegalStateException("body"); }
        catch (Exception e) { System.out.println(e + " suppressed " + e.getSuppressed().length + " " + e.getSuppressed()[0].getMessage()); }
        Exc x = new Exc();
        Object[] tests = new Object[8];
        for (int i = 0; i < 9; i++) {
            try {
                switch (i) {
                    case 0: System.out.println(x.next.field); break;
                    case 1: x.next.next = x; break;
                    case 2: { String s = null; s.length(); break; }
                    case 3: { int[] a = null; System.out.println(a.length); break; }
                    case 4: { Object o = "s"; Integer n = (Integer) o; break; }
                    case 5: { Object[] o = new Integer[1]; o[0] = "s"; break; }
                    case 6: { int[] a = new int[-3]; break; }
                    case 7: { synchronized (tests[1]) { } break; }
                    case 8: { throw null; }
                }
            } catch (RuntimeException e) { System.out.println(i + ": " + e); }
        }
        try { recurse(); } catch (StackOverflowError e) { System.out.println("SOE " + (depth > 500)); }
        try { Object o = Class.forName("does.not.Exist"); } catch (ClassNotFoundException e) { System.out.println(e); }
        throw new MyEx("uncaught", new RuntimeException("root cause"));
    }
}
