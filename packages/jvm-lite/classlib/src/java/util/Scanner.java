package java.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;

/**
 * A text scanner splitting its input into tokens separated by a delimiter (whitespace by default)
 * and parsing them as numbers or booleans, with nextLine() reading the rest of the current line.
 * Input is read lazily (a line at a time from System.in), so interactive programs work.
 *
 * Numbers follow the JDK's US-locale patterns: an optional sign, ASCII digits or groups of three
 * separated by ','; decimals with '.', an optional exponent, "NaN" and "Infinity". Delimiters given
 * to useDelimiter may be literal strings or simple regular expressions built from literal
 * characters, \s \d \w \n \t \r escapes, [...] classes and the quantifiers + * ?.
 */
public final class Scanner implements java.io.Closeable {
    private Reader source;
    private final StringBuilder buf = new StringBuilder();
    private int pos = 0;
    private boolean sourceClosed = false;
    private boolean closed = false;
    private Delimiter delimiter = Delimiter.WHITESPACE;
    private String delimiterPattern = "\\p{javaWhitespace}+";
    private int radix = 10;

    public Scanner(InputStream source) {
        this(new InputStreamReader(source));
    }

    public Scanner(InputStream source, String charsetName) {
        this(new InputStreamReader(source));
    }

    public Scanner(Readable source) {
        if (!(source instanceof Reader)) throw new IllegalArgumentException("unsupported Readable");
        this.source = (Reader) source;
    }

    public Scanner(String source) {
        this.source = new StringReader(source);
    }

    // ---- input

    private boolean readMore() {
        if (sourceClosed) return false;
        char[] cb = new char[1024];
        int n;
        try {
            n = source.read(cb, 0, cb.length);
        } catch (IOException e) {
            n = -1;
        }
        if (n < 0) {
            sourceClosed = true;
            return false;
        }
        // Compact consumed input now and then so a long stream does not keep it all.
        if (pos > 4096) {
            buf.delete(0, pos);
            pos = 0;
        }
        buf.append(cb, 0, n);
        return true;
    }

    /** Whether index i of the buffer is available, reading more input if needed. */
    private boolean available(int i) {
        while (i >= buf.length()) {
            if (!readMore()) return false;
        }
        return true;
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("Scanner closed");
    }

    // ---- tokens

    /** The start of the next token (after delimiters), or -1 if there is none. */
    private int tokenStart() {
        int i = pos;
        if (!available(i)) return -1;
        // One delimiter match: with "," two commas in a row delimit an empty token.
        int d = delimiter.match(this, i);
        if (d > 0) i += d;
        return available(i) ? i : -1;
    }

    /** The end (exclusive) of the token starting at start. */
    private int tokenEnd(int start) {
        int i = start;
        while (available(i)) {
            if (delimiter.match(this, i) > 0) break;
            i++;
        }
        return i;
    }

    /** The next complete token without consuming it, or null. */
    private String peekToken() {
        ensureOpen();
        int start = tokenStart();
        if (start < 0) return null;
        return buf.substring(start, tokenEnd(start));
    }

    private String takeToken() {
        ensureOpen();
        int start = tokenStart();
        if (start < 0) throw new NoSuchElementException();
        int end = tokenEnd(start);
        pos = end;
        return buf.substring(start, end);
    }

    char charAt(int i) {
        return buf.charAt(i);
    }

    boolean has(int i) {
        return available(i);
    }

    public boolean hasNext() {
        return peekToken() != null;
    }

    public String next() {
        return takeToken();
    }

    /** Throws what the JDK throws when the next token does not match: NoSuchElement at the end. */
    private RuntimeException mismatch() {
        if (peekToken() == null) return new NoSuchElementException();
        return new InputMismatchException();
    }

    // ---- lines

    public boolean hasNextLine() {
        ensureOpen();
        return available(pos);
    }

    public String nextLine() {
        ensureOpen();
        if (!available(pos)) throw new NoSuchElementException("No line found");
        int i = pos;
        while (available(i)) {
            char c = buf.charAt(i);
            if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                String line = buf.substring(pos, i);
                pos = i + 1;
                return line;
            }
            if (c == '\r') {
                String line = buf.substring(pos, i);
                pos = i + 1;
                if (available(pos) && buf.charAt(pos) == '\n') pos++;
                return line;
            }
            i++;
        }
        String line = buf.substring(pos, i);
        pos = i;
        return line;
    }

    // ---- numbers

    /** Strips US grouping (1,234,567) if well formed; null if the token is not an integer. */
    private static String integerDigits(String token, int radix) {
        int i = 0;
        int n = token.length();
        StringBuilder sb = new StringBuilder();
        if (i < n && (token.charAt(i) == '-' || token.charAt(i) == '+')) {
            if (token.charAt(i) == '-') sb.append('-');
            i++;
        }
        if (i >= n) return null;
        boolean grouped = token.indexOf(',') >= 0;
        if (grouped) {
            if (radix != 10) return null;
            int firstComma = token.indexOf(',', i);
            int lead = firstComma - i;
            if (lead < 1 || lead > 3) return null;
            for (int k = i; k < n; k++) {
                char c = token.charAt(k);
                if (c == ',') {
                    if ((n - k - 1) % 4 != 3 || k + 4 > n) return null;
                } else if (c < '0' || c > '9') {
                    return null;
                } else {
                    sb.append(c);
                }
            }
            for (int k = firstComma; k < n; k += 4) if (token.charAt(k) != ',') return null;
            return sb.toString();
        }
        for (int k = i; k < n; k++) {
            char c = token.charAt(k);
            if (Character.digit(c, radix) < 0) return null;
            sb.append(c);
        }
        return sb.toString();
    }

    private long parseIntegral(String token, int radix, long min, long max, boolean consume) {
        String digits = token == null ? null : integerDigits(token, radix);
        if (digits == null) throw mismatch();
        long v;
        try {
            v = Long.parseLong(digits, radix);
        } catch (NumberFormatException e) {
            throw new InputMismatchException("For input string: \"" + token.replace(",", "") + "\"" + (radix == 10 ? "" : " under radix " + radix));
        }
        if (v < min || v > max) {
            // As Integer.parseInt's NumberFormatException on the token without group separators.
            throw new InputMismatchException("For input string: \"" + token.replace(",", "") + "\"" + (radix == 10 ? "" : " under radix " + radix));
        }
        if (consume) takeToken();
        return v;
    }

    private boolean fits(long min, long max, int radix) {
        String token = peekToken();
        if (token == null) return false;
        String digits = integerDigits(token, radix);
        if (digits == null) return false;
        try {
            long v = Long.parseLong(digits, radix);
            return v >= min && v <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public boolean hasNextInt() {
        return fits(Integer.MIN_VALUE, Integer.MAX_VALUE, radix);
    }

    public boolean hasNextInt(int radix) {
        return fits(Integer.MIN_VALUE, Integer.MAX_VALUE, radix);
    }

    public int nextInt() {
        return nextInt(radix);
    }

    public int nextInt(int radix) {
        return (int) parseIntegral(peekToken(), radix, Integer.MIN_VALUE, Integer.MAX_VALUE, true);
    }

    public boolean hasNextLong() {
        String token = peekToken();
        if (token == null) return false;
        String digits = integerDigits(token, radix);
        if (digits == null) return false;
        try {
            Long.parseLong(digits, radix);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public long nextLong() {
        return parseIntegral(peekToken(), radix, Long.MIN_VALUE, Long.MAX_VALUE, true);
    }

    public boolean hasNextShort() {
        return fits(Short.MIN_VALUE, Short.MAX_VALUE, radix);
    }

    public short nextShort() {
        return (short) parseIntegral(peekToken(), radix, Short.MIN_VALUE, Short.MAX_VALUE, true);
    }

    public boolean hasNextByte() {
        return fits(Byte.MIN_VALUE, Byte.MAX_VALUE, radix);
    }

    public byte nextByte() {
        return (byte) parseIntegral(peekToken(), radix, Byte.MIN_VALUE, Byte.MAX_VALUE, true);
    }

    /** The token as Double.parseDouble input, or null if it is not a decimal float. */
    private static String floatText(String token) {
        if (token == null || token.isEmpty()) return null;
        int i = 0;
        int n = token.length();
        StringBuilder sb = new StringBuilder();
        if (token.charAt(0) == '-' || token.charAt(0) == '+') {
            sb.append(token.charAt(0));
            i++;
        }
        String rest = token.substring(i);
        if (rest.equals("NaN") || rest.equals("Infinity")) return sb.append(rest).toString();
        int digits = 0;
        boolean dot = false;
        for (; i < n; i++) {
            char c = token.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                sb.append(c);
            } else if (c == ',' && !dot) {
                continue;
            } else if (c == '.' && !dot) {
                dot = true;
                sb.append(c);
            } else {
                break;
            }
        }
        if (digits == 0) return null;
        if (i < n) {
            char c = token.charAt(i);
            if (c != 'e' && c != 'E') return null;
            sb.append('e');
            i++;
            if (i < n && (token.charAt(i) == '-' || token.charAt(i) == '+')) sb.append(token.charAt(i++));
            int expDigits = 0;
            for (; i < n; i++) {
                char d = token.charAt(i);
                if (d < '0' || d > '9') return null;
                sb.append(d);
                expDigits++;
            }
            if (expDigits == 0) return null;
        }
        if (token.indexOf(',') >= 0) {
            int end = 0;
            while (end < n && token.charAt(end) != '.' && token.charAt(end) != 'e' && token.charAt(end) != 'E') end++;
            if (integerDigits(token.substring(0, end), 10) == null) return null;
        }
        return sb.toString();
    }

    public boolean hasNextDouble() {
        return floatText(peekToken()) != null;
    }

    public double nextDouble() {
        String text = floatText(peekToken());
        if (text == null) throw mismatch();
        takeToken();
        return Double.parseDouble(text);
    }

    public boolean hasNextFloat() {
        return hasNextDouble();
    }

    public float nextFloat() {
        String text = floatText(peekToken());
        if (text == null) throw mismatch();
        takeToken();
        return Float.parseFloat(text);
    }

    public boolean hasNextBoolean() {
        String token = peekToken();
        return token != null && (token.equalsIgnoreCase("true") || token.equalsIgnoreCase("false"));
    }

    public boolean nextBoolean() {
        if (!hasNextBoolean()) throw mismatch();
        return Boolean.parseBoolean(takeToken());
    }

    // ---- configuration

    public Scanner useDelimiter(String pattern) {
        delimiter = Delimiter.compile(pattern);
        delimiterPattern = pattern;
        return this;
    }

    public String delimiter() {
        return delimiterPattern;
    }

    public Scanner useRadix(int radix) {
        if (radix < Character.MIN_RADIX || radix > Character.MAX_RADIX) throw new IllegalArgumentException("radix:" + radix);
        this.radix = radix;
        return this;
    }

    public int radix() {
        return radix;
    }

    public Scanner useLocale(Locale locale) {
        return this;
    }

    public Locale locale() {
        return Locale.US;
    }

    public void close() {
        if (closed) return;
        try {
            source.close();
        } catch (IOException e) {
            // As the JDK: remembered in ioException(), not thrown.
        }
        sourceClosed = true;
        closed = true;
    }

    @Override public String toString() {
        return "java.util.Scanner[delimiters=" + delimiterPattern + "][position=" + pos + "]";
    }

    /**
     * A delimiter: a sequence of atoms (a character set with a repetition range), matched greedily
     * at a position of the scanner's input. Enough for the delimiters programs use in practice.
     */
    static final class Delimiter {
        static final Delimiter WHITESPACE = new Delimiter(new Atom[] {new Atom(Atom.SPACE, null, 1, Integer.MAX_VALUE)});

        final Atom[] atoms;

        Delimiter(Atom[] atoms) {
            this.atoms = atoms;
        }

        /** Length of the delimiter at i (0: none; may read more input). */
        int match(Scanner s, int i) {
            int start = i;
            for (Atom a : atoms) {
                int count = 0;
                while (count < a.max && s.has(i) && a.accepts(s.charAt(i))) {
                    i++;
                    count++;
                }
                if (count < a.min) return 0;
            }
            return i - start;
        }

        static Delimiter compile(String p) {
            List<Atom> atoms = new ArrayList<>();
            int i = 0;
            while (i < p.length()) {
                char c = p.charAt(i);
                Atom atom;
                if (c == '\\' && i + 1 < p.length()) {
                    char e = p.charAt(i + 1);
                    i += 2;
                    atom = switch (e) {
                        case 's' -> new Atom(Atom.SPACE, null, 1, 1);
                        case 'd' -> new Atom(Atom.DIGIT, null, 1, 1);
                        case 'w' -> new Atom(Atom.WORD, null, 1, 1);
                        case 'n' -> new Atom(Atom.SET, "\n", 1, 1);
                        case 't' -> new Atom(Atom.SET, "\t", 1, 1);
                        case 'r' -> new Atom(Atom.SET, "\r", 1, 1);
                        case 'R' -> new Atom(Atom.SET, "\r\n\u2028\u2029\u0085", 1, 1);
                        default -> new Atom(Atom.SET, String.valueOf(e), 1, 1);
                    };
                } else if (c == '[') {
                    int close = p.indexOf(']', i + 2);
                    if (close < 0) throw new IllegalArgumentException("Unclosed character class near index " + i + "\n" + p);
                    String body = p.substring(i + 1, close);
                    boolean negate = body.startsWith("^");
                    if (negate) body = body.substring(1);
                    StringBuilder set = new StringBuilder();
                    boolean space = false, digit = false;
                    for (int k = 0; k < body.length(); k++) {
                        char b = body.charAt(k);
                        if (b == '\\' && k + 1 < body.length()) {
                            char e = body.charAt(++k);
                            if (e == 's') space = true;
                            else if (e == 'd') digit = true;
                            else if (e == 'n') set.append('\n');
                            else if (e == 't') set.append('\t');
                            else if (e == 'r') set.append('\r');
                            else set.append(e);
                        } else if (k + 2 < body.length() && body.charAt(k + 1) == '-') {
                            for (char r = b; r <= body.charAt(k + 2); r++) set.append(r);
                            k += 2;
                        } else {
                            set.append(b);
                        }
                    }
                    atom = new Atom(Atom.CLASS, set.toString(), 1, 1);
                    atom.classSpace = space;
                    atom.classDigit = digit;
                    atom.negate = negate;
                    i = close + 1;
                } else if (c == '.') {
                    atom = new Atom(Atom.ANY, null, 1, 1);
                    i++;
                } else if (c == '|' || c == '(' || c == ')' || c == '{') {
                    throw new UnsupportedOperationException("Scanner delimiter pattern not supported by jvm-lite: " + p);
                } else {
                    atom = new Atom(Atom.SET, String.valueOf(c), 1, 1);
                    i++;
                }
                if (i < p.length()) {
                    char q = p.charAt(i);
                    if (q == '+') {
                        atom.max = Integer.MAX_VALUE;
                        i++;
                    } else if (q == '*') {
                        atom.min = 0;
                        atom.max = Integer.MAX_VALUE;
                        i++;
                    } else if (q == '?') {
                        atom.min = 0;
                        i++;
                    }
                }
                atoms.add(atom);
            }
            return new Delimiter(atoms.toArray(new Atom[0]));
        }
    }

    static final class Atom {
        static final int SET = 0, SPACE = 1, DIGIT = 2, WORD = 3, CLASS = 4, ANY = 5;
        final int kind;
        final String chars;
        int min, max;
        boolean classSpace, classDigit, negate;

        Atom(int kind, String chars, int min, int max) {
            this.kind = kind;
            this.chars = chars;
            this.min = min;
            this.max = max;
        }

        boolean accepts(char c) {
            switch (kind) {
                case SET:
                    return chars.indexOf(c) >= 0;
                case SPACE:
                    return Character.isWhitespace(c);
                case DIGIT:
                    return c >= '0' && c <= '9';
                case WORD:
                    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
                case CLASS:
                    boolean in = chars.indexOf(c) >= 0 || (classSpace && Character.isWhitespace(c)) || (classDigit && c >= '0' && c <= '9');
                    return in != negate;
                default:
                    return c != '\n' && c != '\r';
            }
        }
    }
}
