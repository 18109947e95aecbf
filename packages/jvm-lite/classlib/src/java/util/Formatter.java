package java.util;

import java.io.IOException;
import jdk.internal.math.FloatingFormat;

/**
 * printf-style formatting (String.format, PrintStream.printf), following the java.util.Formatter
 * specification: %[argument_index$][flags][width][.precision]conversion with the general (b h s),
 * character (c), integral (d o x), floating-point (e f g) and %n/%% conversions; flags '-' '#' '+'
 * ' ' '0' ',' '(' and '<' (reuse the previous argument).
 *
 * Floating-point digits come from jdk.internal.math.FloatingFormat, which rounds Java's shortest
 * decimal representation HALF_UP as the JDK does (so %.2f of 0.125 is 0.13 and of 1.005 is 1.01).
 * Numbers use the decimal and grouping separators of the format's Locale (see Locale).
 * Not supported: date/time (%t), hexadecimal floating point (%a), BigInteger/BigDecimal arguments
 * and Formattable; locale-specific digits and Indian grouping.
 */
public final class Formatter {
    private final Appendable a;
    private final Locale l;
    /** Number symbols of the locale of the format() call in progress. */
    private char decimalSeparator = '.';
    private char groupingSeparator = ',';

    public Formatter() {
        this(new StringBuilder(), Locale.getDefault());
    }

    public Formatter(Appendable a) {
        this(a == null ? new StringBuilder() : a, Locale.getDefault());
    }

    public Formatter(Locale l) {
        this(new StringBuilder(), l);
    }

    public Formatter(Appendable a, Locale l) {
        this.a = a == null ? new StringBuilder() : a;
        this.l = l;
    }

    public Locale locale() {
        return l;
    }

    public Appendable out() {
        return a;
    }

    @Override public String toString() {
        return a.toString();
    }

    public void flush() {
    }

    public void close() {
    }

    public Formatter format(String format, Object... args) {
        return format(l, format, args);
    }

    public Formatter format(Locale locale, String format, Object... args) {
        Locale symbols = locale == null ? Locale.US : locale;
        decimalSeparator = symbols.decimalSeparator();
        groupingSeparator = symbols.groupingSeparator();
        StringBuilder out = new StringBuilder();
        int last = -1;
        int lastOrdinaryIndex = -1;
        int i = 0;
        int n = format.length();
        while (i < n) {
            char ch = format.charAt(i);
            if (ch != '%') {
                out.append(ch);
                i++;
                continue;
            }
            Spec spec = parse(format, i);
            i = spec.end;
            Object arg = null;
            if (spec.conversion != '%' && spec.conversion != 'n') {
                int index;
                if (spec.previous) {
                    index = last;
                    if (index < 0) throw new MissingFormatArgumentException(spec.text);
                } else if (spec.explicitIndex > 0) {
                    index = spec.explicitIndex - 1;
                } else {
                    index = ++lastOrdinaryIndex;
                }
                if (args == null ? index > 0 : index >= args.length) throw new MissingFormatArgumentException(spec.text);
                arg = args == null ? null : args[index];
                last = index;
            }
            print(out, spec, arg);
        }
        try {
            a.append(out);
        } catch (IOException e) {
            // As the JDK: an Appendable's IOException is remembered, not thrown (ioException()).
        }
        return this;
    }

    /** One parsed format specifier; text is the specifier as written, for error messages. */
    private static final class Spec {
        String text;
        int end;
        int explicitIndex = -1;
        boolean previous;
        boolean leftJustify, alternate, plus, leadingSpace, zeroPad, group, parentheses;
        int width = -1;
        int precision = -1;
        char conversion;
        boolean upper;
        String flags = "";
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Spec parse(String s, int start) {
        Spec spec = new Spec();
        int n = s.length();
        int i = start + 1;
        // argument_index$ (digits followed by '$'); otherwise the digits are the width.
        int j = i;
        while (j < n && isDigit(s.charAt(j))) j++;
        if (j > i && j < n && s.charAt(j) == '$') {
            spec.explicitIndex = Integer.parseInt(s.substring(i, j));
            i = j + 1;
        }
        int flagsStart = i;
        while (i < n && "-#+ 0,(<".indexOf(s.charAt(i)) >= 0) {
            // A '0' followed by more digits after other flags is still a flag (as in %-05d).
            i++;
        }
        spec.flags = s.substring(flagsStart, i);
        j = i;
        while (j < n && isDigit(s.charAt(j))) j++;
        if (j > i) {
            spec.width = Integer.parseInt(s.substring(i, j));
            i = j;
        }
        if (i < n && s.charAt(i) == '.') {
            j = i + 1;
            while (j < n && isDigit(s.charAt(j))) j++;
            if (j == i + 1) throw new UnknownFormatConversionException(".");
            spec.precision = Integer.parseInt(s.substring(i + 1, j));
            i = j;
        }
        if (i >= n) throw new UnknownFormatConversionException("%");
        char c = s.charAt(i);
        if (c == 't' || c == 'T') {
            throw new UnknownFormatConversionException(i + 1 < n ? String.valueOf(c) + s.charAt(i + 1) : String.valueOf(c));
        }
        i++;
        spec.end = i;
        spec.text = s.substring(start, i);
        if ("bBhHsScCdoxXeEfgGaAn%".indexOf(c) < 0) throw new UnknownFormatConversionException(String.valueOf(c));
        spec.upper = Character.isUpperCase(c);
        spec.conversion = Character.toLowerCase(c);
        for (int k = 0; k < spec.flags.length(); k++) {
            char f = spec.flags.charAt(k);
            if (spec.flags.indexOf(f) != k) throw new DuplicateFormatFlagsException(String.valueOf(f));
            switch (f) {
                case '-' -> spec.leftJustify = true;
                case '#' -> spec.alternate = true;
                case '+' -> spec.plus = true;
                case ' ' -> spec.leadingSpace = true;
                case '0' -> spec.zeroPad = true;
                case ',' -> spec.group = true;
                case '(' -> spec.parentheses = true;
                default -> spec.previous = true;
            }
        }
        checkFlags(spec);
        return spec;
    }

    private static void checkFlags(Spec s) {
        char c = s.conversion;
        if (c == 'n') {
            if (s.width != -1) throw new IllegalFormatWidthException(s.width);
            if (s.precision != -1) throw new IllegalFormatPrecisionException(s.precision);
            if (!s.flags.isEmpty()) throw new IllegalFormatFlagsException(s.flags);
            return;
        }
        if ((s.leftJustify || s.zeroPad) && s.width == -1) throw new MissingFormatWidthException(s.text);
        if (s.leftJustify && s.zeroPad) throw new IllegalFormatFlagsException(s.flags);
        if (s.plus && s.leadingSpace) throw new IllegalFormatFlagsException(s.flags);
        if (c == '%') {
            if (s.precision != -1) throw new IllegalFormatPrecisionException(s.precision);
            return;
        }
        boolean general = c == 'b' || c == 'h' || c == 's';
        if (general || c == 'c') {
            if (c == 'c' && s.precision != -1) throw new IllegalFormatPrecisionException(s.precision);
            String bad = firstOf(s, c == 's' ? "+ 0,(" : "#+ 0,(");
            if (bad != null) throw new FormatFlagsConversionMismatchException(bad, c);
            return;
        }
        if (c == 'd' || c == 'o' || c == 'x') {
            if (s.precision != -1) throw new IllegalFormatPrecisionException(s.precision);
            if (c == 'd' && s.alternate) throw new FormatFlagsConversionMismatchException("#", c);
        }
        if (c == 'e' && s.group) throw new FormatFlagsConversionMismatchException(",", c);
        if (c == 'g' && s.alternate) throw new FormatFlagsConversionMismatchException("#", c);
    }

    private static String firstOf(Spec s, String forbidden) {
        for (int k = 0; k < s.flags.length(); k++) {
            char f = s.flags.charAt(k);
            if (forbidden.indexOf(f) >= 0) return String.valueOf(f);
        }
        return null;
    }

    private void print(StringBuilder out, Spec s, Object arg) {
        switch (s.conversion) {
            case '%' -> justify(out, s, "%");
            case 'n' -> out.append(System.lineSeparator());
            case 'b' -> justify(out, s, precise(s, arg == null ? "false" : (arg instanceof Boolean ? arg.toString() : "true")));
            case 'h' -> justify(out, s, precise(s, arg == null ? "null" : Integer.toHexString(arg.hashCode())));
            case 's' -> justify(out, s, precise(s, String.valueOf(arg)));
            case 'c' -> justify(out, s, character(s, arg));
            case 'd', 'o', 'x' -> integral(out, s, arg);
            case 'e', 'f', 'g' -> floating(out, s, arg);
            default -> throw new UnknownFormatConversionException(String.valueOf(s.conversion));
        }
    }

    private static String precise(Spec s, String str) {
        if (s.precision != -1 && s.precision < str.length()) return str.substring(0, s.precision);
        return str;
    }

    /** Pads str to the width (spaces, left or right) and upper-cases it for %S %B %H %C %X %E %G. */
    private static void justify(StringBuilder out, Spec s, String str) {
        if (s.upper) str = str.toUpperCase();
        int pad = s.width - str.length();
        if (!s.leftJustify) for (int k = 0; k < pad; k++) out.append(' ');
        out.append(str);
        if (s.leftJustify) for (int k = 0; k < pad; k++) out.append(' ');
    }

    private static String character(Spec s, Object arg) {
        if (arg == null) return "null";
        int cp;
        if (arg instanceof Character ch) return String.valueOf(ch.charValue());
        else if (arg instanceof Byte b) cp = b.byteValue();
        else if (arg instanceof Short sh) cp = sh.shortValue();
        else if (arg instanceof Integer in) cp = in.intValue();
        else throw new IllegalFormatConversionException('c', arg.getClass());
        if (cp < 0 || cp > 0x10FFFF) throw new IllegalFormatCodePointException(cp);
        if (cp < 0x10000) return String.valueOf((char) cp);
        int v = cp - 0x10000;
        return new String(new char[] {(char) (0xD800 + (v >>> 10)), (char) (0xDC00 + (v & 0x3FF))});
    }

    private void integral(StringBuilder out, Spec s, Object arg) {
        char c = s.conversion;
        if (arg == null) {
            justify(out, s, "null");
            return;
        }
        long value;
        int bits;
        if (arg instanceof Integer v) {
            value = v.intValue();
            bits = 32;
        } else if (arg instanceof Long v) {
            value = v.longValue();
            bits = 64;
        } else if (arg instanceof Short v) {
            value = v.shortValue();
            bits = 16;
        } else if (arg instanceof Byte v) {
            value = v.byteValue();
            bits = 8;
        } else {
            throw new IllegalFormatConversionException(s.upper ? Character.toUpperCase(c) : c, arg.getClass());
        }
        StringBuilder sb = new StringBuilder();
        if (c == 'd') {
            boolean neg = value < 0;
            String digits = Long.toString(value);
            if (neg) digits = digits.substring(1);
            leadingSign(sb, s, neg);
            magnitude(sb, s, digits, adjustWidth(s, s.width, neg));
            if (neg && s.parentheses) sb.append(')');
        } else {
            String bad = firstOf(s, "+ ,(");
            if (bad != null) throw new FormatFlagsConversionMismatchException(bad, c);
            // Negative values print as the two's complement of the argument's own width.
            if (value < 0 && bits < 64) value += 1L << bits;
            String digits = c == 'x' ? Long.toHexString(value) : Long.toOctalString(value);
            String prefix = s.alternate ? (c == 'x' ? "0x" : "0") : "";
            sb.append(prefix);
            if (s.zeroPad) for (int k = prefix.length() + digits.length(); k < s.width; k++) sb.append('0');
            sb.append(digits);
        }
        justify(out, s, sb.toString());
    }

    private static void leadingSign(StringBuilder sb, Spec s, boolean neg) {
        if (!neg) {
            if (s.plus) sb.append('+');
            else if (s.leadingSpace) sb.append(' ');
        } else {
            sb.append(s.parentheses ? '(' : '-');
        }
    }

    private static int adjustWidth(Spec s, int width, boolean neg) {
        return (width != -1 && neg && s.parentheses) ? width - 1 : width;
    }

    /**
     * Appends digits ("1234" or "1234.5678") with grouping of the integer part for ',' and zero
     * padding after the sign up to width (which counts what sb already holds).
     */
    private void magnitude(StringBuilder sb, Spec s, String digits, int width) {
        int begin = sb.length();
        int dot = digits.indexOf('.');
        int intLen = dot < 0 ? digits.length() : dot;
        for (int k = 0; k < intLen; k++) {
            if (s.group && k > 0 && (intLen - k) % 3 == 0) sb.append(groupingSeparator);
            sb.append(digits.charAt(k));
        }
        if (dot >= 0) {
            sb.append(decimalSeparator);
            sb.append(digits, dot + 1, digits.length());
        }
        if (width != -1 && s.zeroPad) {
            while (sb.length() < width) sb.insert(begin, '0');
        }
    }

    private void floating(StringBuilder out, Spec s, Object arg) {
        char c = s.conversion;
        if (arg == null) {
            justify(out, s, "null");
            return;
        }
        double value;
        if (arg instanceof Double d) value = d.doubleValue();
        else if (arg instanceof Float f) value = f.floatValue();
        else throw new IllegalFormatConversionException(s.upper ? Character.toUpperCase(c) : c, arg.getClass());
        StringBuilder sb = new StringBuilder();
        boolean neg = Double.compare(value, 0.0) == -1;
        if (Double.isNaN(value)) {
            sb.append("NaN");
        } else if (Double.isInfinite(value)) {
            if (neg) sb.append(s.parentheses ? "(" : "-");
            else if (s.plus) sb.append('+');
            else if (s.leadingSpace) sb.append(' ');
            sb.append("Infinity");
            if (neg && s.parentheses) sb.append(')');
        } else {
            double v = Math.abs(value);
            leadingSign(sb, s, neg);
            int precision = s.precision;
            String text;
            if (c == 'f') {
                text = FloatingFormat.toFixed(v, precision == -1 ? 6 : precision);
            } else if (c == 'e') {
                text = FloatingFormat.toScientific(v, precision == -1 ? 6 : precision);
            } else {
                int p = precision == -1 ? 6 : (precision == 0 ? 1 : precision);
                text = FloatingFormat.toGeneral(v, p);
            }
            int e = text.indexOf('e');
            if (e < 0) {
                if (s.alternate && text.indexOf('.') < 0) text = text + ".";
                magnitude(sb, s, text, adjustWidth(s, s.width, neg));
            } else {
                String mantissa = text.substring(0, e);
                String exponent = text.substring(e + 1);
                if (s.alternate && mantissa.indexOf('.') < 0) mantissa = mantissa + ".";
                int width = s.width == -1 ? -1 : adjustWidth(s, s.width - exponent.length() - 1, neg);
                boolean group = s.group;
                s.group = false;
                magnitude(sb, s, mantissa, width);
                s.group = group;
                sb.append('e').append(exponent);
            }
            if (neg && s.parentheses) sb.append(')');
        }
        justify(out, s, sb.toString());
    }
}
