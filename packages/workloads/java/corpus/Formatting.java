import java.util.Locale;

/** String.format: integers, floating point (HALF_UP rounding of the shortest decimal), widths, flags. */
public class Formatting {
    public static void main(String[] args) {
        System.out.println(String.format("[%d] [%5d] [%-5d] [%05d] [%,d] [%+d] [%(d] [% d]", 42, 42, 42, 42, 1234567, 42, -42, 42));
        System.out.println(String.format("[%x] [%X] [%08x] [%o] [%x] [%x]", 255, 255, 48879, 8, -1, -255L));
        System.out.println(String.format("[%s] [%10s] [%-10s] [%.3s] [%S]", "str", "right", "left", "truncate", "upper"));
        System.out.println(String.format("[%c] [%c] [%b] [%b] [%b] [%%] [%n]", 'x', 65, true, null, "nonnull").replace("\n", "NL"));
        System.out.println(String.format("[%f] [%.2f] [%10.3f] [%-10.1f] [%010.2f] [%.0f] [%,.2f]", Math.PI, Math.E, -1.5, 2.25, -3.14159, 2.5, 1234567.891));
        double[] halves = {0.5, 1.5, 2.5, 0.125, 0.375, 1.005, 2.675, 0.15, 0.25, 0.35, 1e-7, 123456789.987654321};
        for (double d : halves) System.out.print(String.format("%.2f|%.1f|%.0f ", d, d, d));
        System.out.println();
        System.out.println(String.format("[%e] [%.3e] [%E] [%.0e] [%12.4e]", 12345.6789, 0.000123456, 1e100, 5e-5, -987.654));
        System.out.println(String.format("[%g] [%.3g] [%g] [%g]", 12345.6789, 0.000123456, 1e-5, 100000.0));
        System.out.println(String.format("[%f] [%f] [%f] [%.3f] [%e]", Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0));
        System.out.println(String.format("%s %s %s %s", 1.0f, 100.0, 1e7, 1.0e-3));
        System.out.println(String.format("%d %d %d %d", (byte) -1, (short) 300, Long.MIN_VALUE, Integer.MIN_VALUE));
        System.out.println(String.format("%1$s %1$s %2$d %<d", "rep", 9));
        System.out.println(String.format("%s %s %s", new int[0].length, java.util.List.of(1, 2), (Object) null));
        System.out.println(String.format("%-6b|%6c|%3d|%-3d|", false, 'q', 12345, 7));
        System.out.println(String.format("%.2f %.2f %.3f %.1f", 0.005, 0.015, 1.0005, 0.05));
        System.out.println(String.format("%08.3f %+.2f %+.2f % .3f", -2.5, 3.14159, -3.14159, 2.0));
        System.out.println(String.format("%,d %,d %,.3f", -1234567890123L, 999, -9876543.21));
        System.out.println(String.format("%.15f %.20f", 0.1, 0.1));
        System.out.println(String.format("%f %f %f", 1e20, 1.0e-10, 123.0f));
        System.out.println(String.format("%x %X %x", (byte) -1, (short) -2, 'a' + 0));
        System.out.println(String.format(Locale.ROOT, "%.4f", 1.0 / 3));
        System.out.println(String.format("%h %h", "hello", 42));
        System.out.println(String.format("%10.4s|%-8S|", "abcdefgh", "shout"));
    }
}
