/** try/catch/finally ordering, nested handlers, rethrow, custom checked exceptions, causes, multi-catch. */
public class Exceptions {
    static class AppException extends Exception {
        final int code;
        AppException(String msg, int code) { super(msg); this.code = code; }
        AppException(String msg, Throwable cause) { super(msg, cause); this.code = -1; }
    }
    static class Fatal extends RuntimeException {
        Fatal(String m) { super(m); }
    }

    static int depth = 0;

    @SuppressWarnings("finally")
    static int finallyOverrides() {
        try { return 1; } finally { return 2; }
    }

    static int finallyRuns(StringBuilder log) {
        int x = 10;
        try {
            log.append("try ");
            return x;
        } finally {
            x = 20;
            log.append("finally ");
        }
    }

    static void thrower(int kind) throws AppException {
        switch (kind) {
            case 0: throw new AppException("checked", 42);
            case 1: throw new Fatal("unchecked");
            case 2: throw new ArithmeticException("math");
            case 3: { int[] a = new int[1]; a[kind] = 1; }
            case 4: throw new UnsupportedOperationException();
            default: System.out.println("no throw " + kind);
        }
    }

    static void wrap() throws AppException {
        try {
            Integer.parseInt("x1");
        } catch (NumberFormatException e) {
            throw new AppException("wrapped", e);
        }
    }

    public static void main(String[] args) {
        System.out.println(finallyOverrides());
        StringBuilder log = new StringBuilder();
        System.out.println(finallyRuns(log) + " " + log);
        for (int k = 0; k <= 5; k++) {
            try {
                thrower(k);
            } catch (AppException e) {
                System.out.println("AppException " + e.getMessage() + " code " + e.code);
            } catch (Fatal | ArithmeticException e) {
                System.out.println("multi " + e.getClass().getName() + ": " + e.getMessage());
            } catch (RuntimeException e) {
                System.out.println("runtime " + e);
            } finally {
                System.out.println("finally " + k);
            }
        }
        try {
            wrap();
        } catch (AppException e) {
            System.out.println(e + " caused by " + e.getCause());
            System.out.println(e.getCause().getClass().getSimpleName());
        }
        try {
            try {
                throw new IllegalStateException("inner");
            } finally {
                System.out.println("inner finally");
            }
        } catch (IllegalStateException e) {
            System.out.println("outer caught " + e.getMessage());
        }
        try {
            try {
                throw new RuntimeException("first");
            } catch (RuntimeException e) {
                throw new RuntimeException("second", e);
            }
        } catch (RuntimeException e) {
            System.out.println(e.getMessage() + " <- " + e.getCause().getMessage());
        }
        Throwable t = new Error("err");
        System.out.println(t + " | " + new Exception() + " | " + new Exception((String) null).getMessage());
        RuntimeException re = new RuntimeException(new IllegalArgumentException("root"));
        System.out.println(re.getMessage());
        System.out.println(re);
        int result = 0;
        for (int i = 0; i < 10; i++) {
            try {
                if (i % 3 == 0) continue;
                if (i == 8) break;
                result += i;
            } finally {
                result += 100;
            }
        }
        System.out.println("loop result " + result);
        try {
            Object o = "str";
            Integer bad = (Integer) o;
            System.out.println(bad);
        } catch (ClassCastException e) {
            System.out.println("CCE caught");
        }
        StackTraceElement[] st = new Throwable().getStackTrace();
        System.out.println(st[0].getMethodName() + " " + st[0].getClassName());
    }
}
