import java.util.*;
/** Formatter with locales: decimal and grouping separators of de, it, es, pt, de_CH, en and ROOT. */
public class LocaleFormatting {
    public static void main(String[] a) {
        for (Locale l : new Locale[] {Locale.US, Locale.GERMANY, Locale.ITALY, new Locale("es", "ES"), new Locale("pt", "BR"), new Locale("de", "CH"), Locale.ROOT, Locale.UK, Locale.JAPAN}) {
            System.out.println(l + ": " + new Formatter(l).format("%.2f %,d %,.3f %e %10.1f %s %d", 1234.5678, 1234567, -9876543.21, 12345.678, 2.25, 1.5, -42).toString().replace('\u2019', '\''));
        }
    }
}
