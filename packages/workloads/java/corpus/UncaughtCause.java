/** An uncaught exception with a cause chain and suppressed exceptions: "Caused by" and "... n more" trailers. */
public class UncaughtCause {
    static class ConfigException extends Exception {
        ConfigException(String m, Throwable cause) { super(m, cause); }
    }

    static int parse(String s) {
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') throw new NumberFormatException("not a digit '" + c + "' in \"" + s + "\"");
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static int load(String s) throws ConfigException {
        try {
            return parse(s);
        } catch (NumberFormatException e) {
            throw new ConfigException("bad config value", e);
        }
    }

    static void run() {
        try {
            load("forty-two");
        } catch (ConfigException e) {
            RuntimeException r = new RuntimeException("startup failed", e);
            r.addSuppressed(new IllegalArgumentException("also this"));
            throw r;
        }
    }

    public static void main(String[] args) {
        System.out.println("loading");
        run();
    }
}
