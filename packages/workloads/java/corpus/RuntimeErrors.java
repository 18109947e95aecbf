/** The VM's own exceptions caught and printed: class names and messages of each. */
public class RuntimeErrors {
    static class A {}
    static class B extends A {}

    interface Action { void run() throws Throwable; }

    static void attempt(String label, Action a) {
        try {
            a.run();
            System.out.println(label + ": no exception");
        } catch (Throwable t) {
            System.out.println(label + ": " + t.getClass().getName() + ": " + t.getMessage());
        }
    }

    static int recurse(int n) { return recurse(n + 1) + 1; }

    public static void main(String[] args) {
        int zero = 0;
        long lzero = 0;
        attempt("idiv", () -> System.out.println(1 / zero));
        attempt("lrem", () -> System.out.println(1L % lzero));
        attempt("fdiv", () -> System.out.println(1.0f / zero));
        attempt("aioobe", () -> { int[] a = new int[3]; a[3] = 1; });
        attempt("aioobe-neg", () -> { long[] a = new long[2]; System.out.println(a[-1]); });
        attempt("charAt", () -> "abc".charAt(5));
        attempt("substring", () -> "abc".substring(2, 1));
        attempt("negative size", () -> { int n = -1; int[] a = new int[n]; });
        attempt("negative multi", () -> { int n = -2; int[][] a = new int[3][n]; });
        attempt("cast user class", () -> { A a = new A(); B b = (B) a; });
        attempt("array store", () -> { Object[] arr = new String[1]; arr[0] = 1; });
        attempt("stack overflow", () -> recurse(0));
        attempt("nfe", () -> Integer.parseInt("12x"));
        attempt("nfe double", () -> Double.parseDouble("one"));
        attempt("unsupported", () -> java.util.List.of(1).add(2));
        attempt("illegal arg", () -> new java.util.ArrayList<Integer>(-1));
        attempt("iterator", () -> new java.util.ArrayList<Integer>().iterator().next());
        attempt("throw null", () -> { RuntimeException e = null; throw e; });
        attempt("clone ok", () -> { int[] a = {1}; int[] b = a.clone(); b[0] = 2; System.out.println(a[0] + "" + b[0]); });
        attempt("assert off", () -> { assert false : "assertions are disabled"; });
        attempt("error", () -> { throw new AssertionError("explicit"); });
        attempt("checked", () -> { throw new Exception("checked one"); });
        System.out.println("survived all");
    }
}
