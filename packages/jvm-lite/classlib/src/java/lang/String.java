package java.lang;

import java.util.Comparator;

public final class String implements java.io.Serializable, Comparable<String>, CharSequence {
    private final char[] value;
    private int hash;

    public static final Comparator<String> CASE_INSENSITIVE_ORDER = (a, b) -> a.compareToIgnoreCase(b);

    public String() { value = new char[0]; }
    public String(String original) { value = original.value; hash = original.hash; }
    public String(char[] value) { this.value = value.clone(); }
    public String(char[] value, int offset, int count) {
        checkBoundsOffCount(offset, count, value.length);
        this.value = new char[count];
        System.arraycopy(value, offset, this.value, 0, count);
    }
    public String(int[] codePoints, int offset, int count) {
        checkBoundsOffCount(offset, count, codePoints.length);
        StringBuilder sb = new StringBuilder();
        for (int i = offset; i < offset + count; i++) sb.appendCodePoint(codePoints[i]);
        this.value = sb.toString().value;
    }
    public String(byte[] bytes) { this.value = decodeUtf8(bytes, 0, bytes.length); }
    public String(byte[] bytes, int offset, int length) {
        checkBoundsOffCount(offset, length, bytes.length);
        this.value = decodeUtf8(bytes, offset, length);
    }
    public String(byte[] bytes, String charsetName) throws java.io.UnsupportedEncodingException { this(bytes); }
    public String(StringBuilder builder) { this.value = builder.toString().value; }
    public String(StringBuffer buffer) { this.value = buffer.toString().value; }
    String(char[] value, boolean share) { this.value = value; }

    private static native char[] decodeUtf8(byte[] bytes, int offset, int length);
    private static native byte[] encodeUtf8(char[] chars);

    static void checkBoundsOffCount(int offset, int count, int length) {
        if (offset < 0 || count < 0 || offset > length - count)
            throw new StringIndexOutOfBoundsException("offset " + offset + ", count " + count + ", length " + length);
    }
    static void checkBoundsBeginEnd(int begin, int end, int length) {
        if (begin < 0 || begin > end || end > length)
            throw new StringIndexOutOfBoundsException("begin " + begin + ", end " + end + ", length " + length);
    }
    static void checkIndex(int index, int length) {
        if (index < 0 || index >= length)
            throw new StringIndexOutOfBoundsException("index " + index + ", length " + length);
    }

    public int length() { return value.length; }
    public boolean isEmpty() { return value.length == 0; }
    public char charAt(int index) {
        if (index < 0 || index >= value.length) throw new StringIndexOutOfBoundsException(index);
        return value[index];
    }
    public int codePointAt(int index) {
        checkIndex(index, value.length);
        return Character.codePointAt(value, index);
    }
    public byte[] getBytes() { return encodeUtf8(value); }
    public byte[] getBytes(String charsetName) throws java.io.UnsupportedEncodingException { return encodeUtf8(value); }
    public void getChars(int srcBegin, int srcEnd, char[] dst, int dstBegin) {
        checkBoundsBeginEnd(srcBegin, srcEnd, value.length);
        System.arraycopy(value, srcBegin, dst, dstBegin, srcEnd - srcBegin);
    }
    public char[] toCharArray() { return value.clone(); }
    char[] toCharArray0() { return value; }

    public boolean equals(Object anObject) {
        if (this == anObject) return true;
        if (anObject instanceof String) {
            char[] a = value;
            char[] b = ((String) anObject).value;
            int n = a.length;
            if (n != b.length) return false;
            for (int i = 0; i < n; i++) if (a[i] != b[i]) return false;
            return true;
        }
        return false;
    }
    public boolean contentEquals(CharSequence cs) {
        if (cs.length() != value.length) return false;
        for (int i = 0; i < value.length; i++) if (value[i] != cs.charAt(i)) return false;
        return true;
    }
    public boolean equalsIgnoreCase(String another) {
        return this == another || (another != null && another.value.length == value.length && regionMatches(true, 0, another, 0, value.length));
    }
    public int compareTo(String anotherString) {
        char[] v1 = value;
        char[] v2 = anotherString.value;
        int lim = Math.min(v1.length, v2.length);
        for (int k = 0; k < lim; k++) {
            char c1 = v1[k];
            char c2 = v2[k];
            if (c1 != c2) return c1 - c2;
        }
        return v1.length - v2.length;
    }
    public int compareToIgnoreCase(String str) {
        int n1 = value.length, n2 = str.value.length;
        int min = Math.min(n1, n2);
        for (int i = 0; i < min; i++) {
            char c1 = value[i];
            char c2 = str.value[i];
            if (c1 != c2) {
                c1 = Character.toUpperCase(c1);
                c2 = Character.toUpperCase(c2);
                if (c1 != c2) {
                    c1 = Character.toLowerCase(c1);
                    c2 = Character.toLowerCase(c2);
                    if (c1 != c2) return c1 - c2;
                }
            }
        }
        return n1 - n2;
    }
    public boolean regionMatches(int toffset, String other, int ooffset, int len) { return regionMatches(false, toffset, other, ooffset, len); }
    public boolean regionMatches(boolean ignoreCase, int toffset, String other, int ooffset, int len) {
        if (ooffset < 0 || toffset < 0 || toffset > (long) value.length - len || ooffset > (long) other.value.length - len) return false;
        while (len-- > 0) {
            char c1 = value[toffset++];
            char c2 = other.value[ooffset++];
            if (c1 == c2) continue;
            if (ignoreCase) {
                char u1 = Character.toUpperCase(c1);
                char u2 = Character.toUpperCase(c2);
                if (u1 == u2 || Character.toLowerCase(u1) == Character.toLowerCase(u2)) continue;
            }
            return false;
        }
        return true;
    }
    public boolean startsWith(String prefix, int toffset) {
        if (toffset < 0 || toffset > value.length - prefix.value.length) return false;
        for (int i = 0; i < prefix.value.length; i++) if (value[toffset + i] != prefix.value[i]) return false;
        return true;
    }
    public boolean startsWith(String prefix) { return startsWith(prefix, 0); }
    public boolean endsWith(String suffix) { return startsWith(suffix, value.length - suffix.value.length); }

    public int hashCode() {
        int h = hash;
        if (h == 0) {
            for (char c : value) h = 31 * h + c;
            hash = h;
        }
        return h;
    }

    public int indexOf(int ch) { return indexOf(ch, 0); }
    public int indexOf(int ch, int fromIndex) {
        if (fromIndex < 0) fromIndex = 0;
        if (ch >= 0x10000) return indexOf(new String(Character.toChars(ch)), fromIndex);
        for (int i = fromIndex; i < value.length; i++) if (value[i] == ch) return i;
        return -1;
    }
    public int lastIndexOf(int ch) { return lastIndexOf(ch, value.length - 1); }
    public int lastIndexOf(int ch, int fromIndex) {
        for (int i = Math.min(fromIndex, value.length - 1); i >= 0; i--) if (value[i] == ch) return i;
        return -1;
    }
    public int indexOf(String str) { return indexOf(str, 0); }
    public int indexOf(String str, int fromIndex) {
        char[] t = str.value;
        int max = value.length - t.length;
        if (fromIndex < 0) fromIndex = 0;
        outer:
        for (int i = fromIndex; i <= max; i++) {
            for (int j = 0; j < t.length; j++) if (value[i + j] != t[j]) continue outer;
            return i;
        }
        return -1;
    }
    public int lastIndexOf(String str) { return lastIndexOf(str, value.length); }
    public int lastIndexOf(String str, int fromIndex) {
        char[] t = str.value;
        int start = Math.min(fromIndex, value.length - t.length);
        outer:
        for (int i = start; i >= 0; i--) {
            for (int j = 0; j < t.length; j++) if (value[i + j] != t[j]) continue outer;
            return i;
        }
        return -1;
    }

    public String substring(int beginIndex) { return substring(beginIndex, value.length); }
    public String substring(int beginIndex, int endIndex) {
        checkBoundsBeginEnd(beginIndex, endIndex, value.length);
        if (beginIndex == 0 && endIndex == value.length) return this;
        char[] r = new char[endIndex - beginIndex];
        System.arraycopy(value, beginIndex, r, 0, r.length);
        return new String(r, true);
    }
    public CharSequence subSequence(int beginIndex, int endIndex) { return substring(beginIndex, endIndex); }

    public String concat(String str) {
        if (str.isEmpty()) return this;
        char[] r = new char[value.length + str.value.length];
        System.arraycopy(value, 0, r, 0, value.length);
        System.arraycopy(str.value, 0, r, value.length, str.value.length);
        return new String(r, true);
    }
    public String replace(char oldChar, char newChar) {
        if (oldChar == newChar) return this;
        int i = indexOf(oldChar);
        if (i < 0) return this;
        char[] r = value.clone();
        for (; i < r.length; i++) if (r[i] == oldChar) r[i] = newChar;
        return new String(r, true);
    }
    public String replace(CharSequence target, CharSequence replacement) {
        String tgt = target.toString();
        String repl = replacement.toString();
        int j = indexOf(tgt);
        if (j < 0) return this;
        StringBuilder sb = new StringBuilder();
        int i = 0;
        if (tgt.isEmpty()) {
            for (int k = 0; k < value.length; k++) sb.append(repl).append(value[k]);
            return sb.append(repl).toString();
        }
        do {
            sb.append(this, i, j).append(repl);
            i = j + tgt.length();
        } while ((j = indexOf(tgt, i)) >= 0);
        return sb.append(this, i, value.length).toString();
    }
    public boolean contains(CharSequence s) { return indexOf(s.toString()) >= 0; }

    public native boolean matches(String regex);
    public native String replaceAll(String regex, String replacement);
    public native String replaceFirst(String regex, String replacement);
    public String[] split(String regex) { return split(regex, 0); }
    public native String[] split(String regex, int limit);

    public static String join(CharSequence delimiter, CharSequence... elements) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < elements.length; i++) {
            if (i > 0) sb.append(delimiter);
            sb.append(elements[i]);
        }
        return sb.toString();
    }
    public static String join(CharSequence delimiter, Iterable<? extends CharSequence> elements) {
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (CharSequence cs : elements) {
            if (!first) sb.append(delimiter);
            sb.append(cs);
            first = false;
        }
        return sb.toString();
    }

    public native String toLowerCase();
    public native String toUpperCase();
    public String toLowerCase(java.util.Locale locale) { return toLowerCase(); }
    public String toUpperCase(java.util.Locale locale) { return toUpperCase(); }

    public String trim() {
        int len = value.length;
        int st = 0;
        while (st < len && value[st] <= ' ') st++;
        while (st < len && value[len - 1] <= ' ') len--;
        return (st > 0 || len < value.length) ? substring(st, len) : this;
    }
    public String strip() {
        int st = 0, len = value.length;
        while (st < len && Character.isWhitespace(value[st])) st++;
        while (st < len && Character.isWhitespace(value[len - 1])) len--;
        return substring(st, len);
    }
    public String stripLeading() {
        int st = 0;
        while (st < value.length && Character.isWhitespace(value[st])) st++;
        return substring(st);
    }
    public String stripTrailing() {
        int len = value.length;
        while (len > 0 && Character.isWhitespace(value[len - 1])) len--;
        return substring(0, len);
    }
    public boolean isBlank() {
        for (char c : value) if (!Character.isWhitespace(c)) return false;
        return true;
    }
    public String repeat(int count) {
        if (count < 0) throw new IllegalArgumentException("count is negative: " + count);
        if (count == 1) return this;
        char[] r = new char[value.length * count];
        for (int i = 0; i < count; i++) System.arraycopy(value, 0, r, i * value.length, value.length);
        return new String(r, true);
    }
    public String indent(int n) {
        if (isEmpty()) return "";
        StringBuilder sb = new StringBuilder();
        int i = 0, len = value.length;
        while (i < len) {
            int j = i;
            while (j < len && value[j] != '\n' && value[j] != '\r') j++;
            String line = substring(i, j);
            if (n > 0) sb.append(" ".repeat(n)).append(line);
            else if (n < 0) {
                int k = 0;
                while (k < -n && k < line.length() && Character.isWhitespace(line.charAt(k))) k++;
                sb.append(line.substring(k));
            } else sb.append(line);
            sb.append('\n');
            if (j < len && value[j] == '\r' && j + 1 < len && value[j + 1] == '\n') j++;
            i = j + 1;
        }
        return sb.toString();
    }
    public String stripIndent() { return this; }
    public String translateEscapes() { return this; }
    public String formatted(Object... args) { return format(this, args); }
    public native String intern();

    public java.util.stream.IntStream chars() {
        int[] cs = new int[value.length];
        for (int i = 0; i < cs.length; i++) cs[i] = value[i];
        return java.util.stream.IntStream.of(cs);
    }

    public java.util.stream.IntStream codePoints() {
        int[] cps = new int[value.length];
        int n = 0;
        for (int i = 0; i < value.length; ) {
            int cp = Character.codePointAt(value, i);
            cps[n++] = cp;
            i += Character.charCount(cp);
        }
        int[] r = new int[n];
        System.arraycopy(cps, 0, r, 0, n);
        return java.util.stream.IntStream.of(r);
    }

    public java.util.stream.Stream<String> lines() {
        java.util.List<String> out = new java.util.ArrayList<>();
        int i = 0, len = value.length;
        while (i < len) {
            int j = i;
            while (j < len && value[j] != '\n' && value[j] != '\r') j++;
            out.add(substring(i, j));
            if (j < len && value[j] == '\r' && j + 1 < len && value[j + 1] == '\n') j++;
            i = j + 1;
        }
        return out.stream();
    }

    public String toString() { return this; }

    public static String format(String format, Object... args) {
        return new java.util.Formatter().format(format, args).toString();
    }

    public static String format(java.util.Locale l, String format, Object... args) { return format(format, args); }

    public static String valueOf(Object obj) { return (obj == null) ? "null" : obj.toString(); }
    public static String valueOf(char[] data) { return new String(data); }
    public static String valueOf(char[] data, int offset, int count) { return new String(data, offset, count); }
    public static String copyValueOf(char[] data) { return new String(data); }
    public static String copyValueOf(char[] data, int offset, int count) { return new String(data, offset, count); }
    public static String valueOf(boolean b) { return b ? "true" : "false"; }
    public static String valueOf(char c) { return new String(new char[] { c }, true); }
    public static String valueOf(int i) { return Integer.toString(i); }
    public static String valueOf(long l) { return Long.toString(l); }
    public static String valueOf(float f) { return Float.toString(f); }
    public static String valueOf(double d) { return Double.toString(d); }
}
