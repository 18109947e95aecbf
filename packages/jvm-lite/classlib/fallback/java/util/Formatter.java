package java.util;

/* Fallback used by the classlib build only until classlib/src/java/util/Formatter.java exists:
 * supports only %s, %d and %n so that String.format has something to call. */
public final class Formatter {
    private final StringBuilder sb = new StringBuilder();
    public Formatter() {}
    public Formatter format(String format, Object... args) {
        int a = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '%' && i + 1 < format.length()) {
                char k = format.charAt(++i);
                if (k == 'n') sb.append('\n');
                else if (k == '%') sb.append('%');
                else sb.append(String.valueOf(args[a++]));
            } else sb.append(c);
        }
        return this;
    }
    public String toString() { return sb.toString(); }
}
