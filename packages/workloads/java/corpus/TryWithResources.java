/** try-with-resources: close order, suppressed exceptions, null resources, exceptions in close. */
public class TryWithResources {
    static class Res implements AutoCloseable {
        final String name;
        final boolean failClose;
        Res(String name, boolean failClose) {
            this.name = name;
            this.failClose = failClose;
            System.out.println("open " + name);
        }
        @Override public void close() throws Exception {
            System.out.println("close " + name);
            if (failClose) throw new IllegalStateException("close failed: " + name);
        }
    }

    public static void main(String[] args) throws Exception {
        try (Res a = new Res("a", false); Res b = new Res("b", false)) {
            System.out.println("body with " + a.name + b.name);
        }
        try (Res a = new Res("c", true); Res b = new Res("d", true)) {
            throw new RuntimeException("body failed");
        } catch (RuntimeException e) {
            System.out.println("caught " + e.getMessage());
            for (Throwable s : e.getSuppressed()) System.out.println("  suppressed " + s.getMessage());
        }
        try (Res a = new Res("e", true)) {
            System.out.println("body ok");
        } catch (IllegalStateException e) {
            System.out.println("caught from close: " + e.getMessage() + " suppressed=" + e.getSuppressed().length);
        }
        try (Res nothing = null) {
            System.out.println("null resource is fine");
        }
        Res outer = new Res("f", false);
        try (outer) {
            System.out.println("effectively final resource");
        } finally {
            System.out.println("finally after close");
        }
        try {
            try (Res a = new Res("g", false)) {
                throw new Exception("checked in body");
            }
        } catch (Exception e) {
            System.out.println("outer caught " + e.getMessage());
        }
        Exception ex = new Exception("main");
        ex.addSuppressed(new RuntimeException("s1"));
        ex.addSuppressed(new Error("s2"));
        System.out.println(ex.getSuppressed().length + " " + ex.getSuppressed()[1]);
    }
}
