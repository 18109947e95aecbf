import java.util.Formatter;

/** java.util.Formatter corner cases: flag combinations, widths with signs, %g ranges, and the error messages. */
public class FormatterEdgeCases {
    interface Action { String run(); }

    static void attempt(String label, Action a) {
        try {
            System.out.println(label + ": [" + a.run() + "]");
        } catch (RuntimeException e) {
            System.out.println(label + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    public static void main(String[] args) {
        attempt("missing arg", () -> String.format("%s %s", "one"));
        attempt("unknown conversion", () -> String.format("%q", 1));
        attempt("d of string", () -> String.format("%d", "x"));
        attempt("f of int", () -> String.format("%.2f", 3));
        attempt("minus without width", () -> String.format("%-d", 5));
        attempt("minus and zero", () -> String.format("%-05d", 5));
        attempt("plus and space", () -> String.format("%+ d", 5));
        attempt("precision on d", () -> String.format("%.2d", 5));
        attempt("hash on d", () -> String.format("%#d", 5));
        attempt("comma on x", () -> String.format("%,x", 5));
        attempt("precision on c", () -> String.format("%.2c", 'a'));
        attempt("trailing percent", () -> String.format("abc%"));
        attempt("c of string", () -> String.format("%c", "s"));
        attempt("relative index without previous", () -> String.format("%<s", "a"));
        attempt("duplicate flag", () -> String.format("%--5d", 5));
        attempt("ok alternate", () -> String.format("%#x %#o %#X %08x %-8X| %x", 255, 8, 255L, -1, 3054, (short) -1));
        attempt("ok signs", () -> String.format("%+d %+d % d % d %(d %(d %(5d|%-(6d|%+,d", 0, -3, 4, -4, 5, -5, -7, -8, 1234567));
        attempt("ok zero pad", () -> String.format("%05d %05d %+06d %(07d %08.2f %+09.3f %(010.1f %010e", -42, 42, 42, -42, -3.14159, 2.71828, -1.25, -12345.678));
        attempt("ok group", () -> String.format("%,d %,d %,.3f %,f %,15.2f %,d", 999, -1000, 1234567.8915, 0.5, -9876543.215, Long.MIN_VALUE));
        attempt("ok g", () -> String.format("%g %g %g %g %g %.1g %.2g %G", 0.0001, 0.00001, 123456.0, 1234567.0, -0.5, 0.95, 99.5, 1.0e-10));
        attempt("ok e", () -> String.format("%e %.0e %.1e %E %e %e", 0.0, 9.5, 0.05, -1.0e-300, Double.MIN_VALUE, Double.MAX_VALUE));
        attempt("ok f", () -> String.format("%.0f %.0f %.0f %.1f %.3f %f %.2f", 0.5, 1.5, -0.5, 0.05, 1e-4, 1e-7, 1e15 + 0.125));
        attempt("ok float arg", () -> String.format("%f %.3f %e %s", 0.1f, 1.0f / 3, 100.5f, 0.1f));
        attempt("ok specials", () -> String.format("%8.2f|%-8f|%+f|%(f|%e|%08.1f|%E", Double.NaN, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
        attempt("ok general", () -> String.format("%b %B %b %h %H %s %S %10.3S| %-6b|", null, true, 0, null, 255, null, "mixed Case", "truncate", false));
        attempt("ok chars", () -> String.format("%c %C %c %3c|%-3c| %c", 'a', 'b', 65, 'x', 'y', (byte) 66));
        attempt("ok indexes", () -> String.format("%2$s %1$s %<s %s %s %3$s", "a", "b", "c"));
        attempt("ok percent n", () -> String.format("%5%|%-5%|%n").replace("\n", "\\n"));
        attempt("ok null args", () -> String.format("%s %d %f %c %x", null, null, null, null, null));
        attempt("ok long hex", () -> String.format("%x %X %o %d", Long.MIN_VALUE, -255L, -1L, Long.MAX_VALUE));
        attempt("ok byte short", () -> String.format("%d %x %o %d %x", (byte) -128, (byte) -128, (byte) -1, (short) -32768, (short) 4095));
        StringBuilder sb = new StringBuilder("prefix:");
        Formatter f = new Formatter(sb);
        f.format("%d-%s", 1, "a").format("|%05.1f", 2.25);
        System.out.println(f + " " + sb.length() + " " + f.toString().equals(sb.toString()));
        System.out.println("%s and %s".formatted("x", 2) + " " + String.format("%%d"));
        double[] vals = {123.456, 0.000123456, 1.0, 10.0, 99.999, 999999.5, 1e7, 0.1, 2.5e-5};
        for (double v : vals) System.out.println(String.format("%.3g|%.1e|%.4f|%10.2e|%-12.5g|", v, v, v, v, v));
    }
}
