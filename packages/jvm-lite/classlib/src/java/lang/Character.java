package java.lang;

public final class Character implements java.io.Serializable, Comparable<Character> {
    public static final int MIN_RADIX = 2;
    public static final int MAX_RADIX = 36;
    public static final char MIN_VALUE = '\u0000';
    public static final char MAX_VALUE = '\uFFFF';
    public static final char MIN_HIGH_SURROGATE = '\uD800';
    public static final char MAX_HIGH_SURROGATE = '\uDBFF';
    public static final char MIN_LOW_SURROGATE = '\uDC00';
    public static final char MAX_LOW_SURROGATE = '\uDFFF';
    public static final char MIN_SURROGATE = MIN_HIGH_SURROGATE;
    public static final char MAX_SURROGATE = MAX_LOW_SURROGATE;
    public static final int MIN_SUPPLEMENTARY_CODE_POINT = 0x010000;
    public static final int MIN_CODE_POINT = 0x000000;
    public static final int MAX_CODE_POINT = 0X10FFFF;
    public static final int SIZE = 16;
    public static final int BYTES = 2;
    @SuppressWarnings("unchecked")
    public static final Class<Character> TYPE = (Class<Character>) Class.getPrimitiveClass("char");
    private static final Character[] cache = new Character[128];

    private final char value;
    @Deprecated public Character(char value) { this.value = value; }
    public static Character valueOf(char c) {
        if (c <= 127) {
            Character x = cache[c];
            if (x == null) cache[c] = x = new Character(c);
            return x;
        }
        return new Character(c);
    }
    public char charValue() { return value; }
    public int hashCode() { return (int) value; }
    public static int hashCode(char value) { return (int) value; }
    public boolean equals(Object obj) {
        if (obj instanceof Character) return value == ((Character) obj).charValue();
        return false;
    }
    public String toString() { return String.valueOf(value); }
    public static String toString(char c) { return String.valueOf(c); }
    public static String toString(int codePoint) { return new String(toChars(codePoint)); }
    public int compareTo(Character anotherCharacter) { return compare(this.value, anotherCharacter.value); }
    public static int compare(char x, char y) { return x - y; }

    public static boolean isValidCodePoint(int codePoint) { return (codePoint >>> 16) < ((MAX_CODE_POINT + 1) >>> 16); }
    public static boolean isBmpCodePoint(int codePoint) { return codePoint >>> 16 == 0; }
    public static boolean isSupplementaryCodePoint(int codePoint) { return codePoint >= MIN_SUPPLEMENTARY_CODE_POINT && codePoint < MAX_CODE_POINT + 1; }
    public static boolean isHighSurrogate(char ch) { return ch >= MIN_HIGH_SURROGATE && ch < (MAX_HIGH_SURROGATE + 1); }
    public static boolean isLowSurrogate(char ch) { return ch >= MIN_LOW_SURROGATE && ch < (MAX_LOW_SURROGATE + 1); }
    public static boolean isSurrogate(char ch) { return ch >= MIN_SURROGATE && ch < (MAX_SURROGATE + 1); }
    public static boolean isSurrogatePair(char high, char low) { return isHighSurrogate(high) && isLowSurrogate(low); }
    public static int charCount(int codePoint) { return codePoint >= MIN_SUPPLEMENTARY_CODE_POINT ? 2 : 1; }
    public static int toCodePoint(char high, char low) {
        return ((high << 10) + low) + (MIN_SUPPLEMENTARY_CODE_POINT - (MIN_HIGH_SURROGATE << 10) - MIN_LOW_SURROGATE);
    }
    public static int codePointAt(CharSequence seq, int index) {
        char c1 = seq.charAt(index);
        if (isHighSurrogate(c1) && ++index < seq.length()) {
            char c2 = seq.charAt(index);
            if (isLowSurrogate(c2)) return toCodePoint(c1, c2);
        }
        return c1;
    }
    public static int codePointAt(char[] a, int index) {
        char c1 = a[index];
        if (isHighSurrogate(c1) && ++index < a.length) {
            char c2 = a[index];
            if (isLowSurrogate(c2)) return toCodePoint(c1, c2);
        }
        return c1;
    }
    public static char highSurrogate(int codePoint) { return (char) ((codePoint >>> 10) + (MIN_HIGH_SURROGATE - (MIN_SUPPLEMENTARY_CODE_POINT >>> 10))); }
    public static char lowSurrogate(int codePoint) { return (char) ((codePoint & 0x3ff) + MIN_LOW_SURROGATE); }
    public static char[] toChars(int codePoint) {
        if (isBmpCodePoint(codePoint)) return new char[] { (char) codePoint };
        if (isValidCodePoint(codePoint)) return new char[] { highSurrogate(codePoint), lowSurrogate(codePoint) };
        throw new IllegalArgumentException("Not a valid Unicode code point: 0x" + Integer.toHexString(codePoint).toUpperCase());
    }

    static native int type(int codePoint);
    static native int toLower(int codePoint);
    static native int toUpper(int codePoint);
    // General categories (Character.getType values).
    public static final byte UPPERCASE_LETTER = 1, LOWERCASE_LETTER = 2, TITLECASE_LETTER = 3, MODIFIER_LETTER = 4, OTHER_LETTER = 5,
        DECIMAL_DIGIT_NUMBER = 9, SPACE_SEPARATOR = 12, LINE_SEPARATOR = 13, PARAGRAPH_SEPARATOR = 14, CONTROL = 15;

    public static int getType(char ch) { return type(ch); }
    public static int getType(int codePoint) { return type(codePoint); }
    public static boolean isLowerCase(char ch) { return isLowerCase((int) ch); }
    public static boolean isLowerCase(int ch) { return type(ch) == LOWERCASE_LETTER || (ch >= 0xaa && toUpper(ch) != ch && toLower(ch) == ch && isLetter(ch)); }
    public static boolean isUpperCase(char ch) { return isUpperCase((int) ch); }
    public static boolean isUpperCase(int ch) { return type(ch) == UPPERCASE_LETTER; }
    public static boolean isTitleCase(char ch) { return type(ch) == TITLECASE_LETTER; }
    public static boolean isDigit(char ch) { return isDigit((int) ch); }
    public static boolean isDigit(int ch) {
        if (ch <= 127) return ch >= '0' && ch <= '9';
        return type(ch) == DECIMAL_DIGIT_NUMBER;
    }
    public static boolean isDefined(char ch) { return type(ch) != 0; }
    public static boolean isLetter(char ch) { return isLetter((int) ch); }
    public static boolean isLetter(int ch) {
        if (ch <= 127) return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
        int t = type(ch);
        return t >= UPPERCASE_LETTER && t <= OTHER_LETTER;
    }
    public static boolean isLetterOrDigit(char ch) { return isLetter(ch) || isDigit(ch); }
    public static boolean isLetterOrDigit(int ch) { return isLetter(ch) || isDigit(ch); }
    public static boolean isAlphabetic(int ch) { return isLetter(ch); }
    public static boolean isJavaIdentifierStart(char ch) { return isLetter(ch) || ch == '_' || ch == '$'; }
    public static boolean isJavaIdentifierPart(char ch) { return isLetterOrDigit(ch) || ch == '_' || ch == '$'; }
    public static boolean isSpaceChar(char ch) { int t = type(ch); return t == SPACE_SEPARATOR || t == LINE_SEPARATOR || t == PARAGRAPH_SEPARATOR; }
    public static boolean isWhitespace(char ch) { return isWhitespace((int) ch); }
    public static boolean isWhitespace(int ch) {
        if (ch <= 127) return (ch >= 9 && ch <= 13) || (ch >= 28 && ch <= 32);
        if (ch == 0x00a0 || ch == 0x2007 || ch == 0x202f) return false;
        int t = type(ch);
        return t == SPACE_SEPARATOR || t == LINE_SEPARATOR || t == PARAGRAPH_SEPARATOR;
    }
    public static boolean isISOControl(char ch) { return ch <= 0x9f && (ch >= 0x7f || (ch >>> 5 == 0)); }
    public static char toLowerCase(char ch) { return (char) toLower(ch); }
    public static int toLowerCase(int codePoint) { return toLower(codePoint); }
    public static char toUpperCase(char ch) { return (char) toUpper(ch); }
    public static int toUpperCase(int codePoint) { return toUpper(codePoint); }
    public static char toTitleCase(char ch) { return toUpperCase(ch); }
    public static int digit(char ch, int radix) { return digit((int) ch, radix); }
    public static int digit(int ch, int radix) {
        if (radix < MIN_RADIX || radix > MAX_RADIX) return -1;
        int v = -1;
        if (ch >= '0' && ch <= '9') v = ch - '0';
        else if (ch >= 'a' && ch <= 'z') v = ch - 'a' + 10;
        else if (ch >= 'A' && ch <= 'Z') v = ch - 'A' + 10;
        else if (ch >= 0xff21 && ch <= 0xff3a) v = ch - 0xff21 + 10;
        else if (ch >= 0xff41 && ch <= 0xff5a) v = ch - 0xff41 + 10;
        else if (type(ch) == DECIMAL_DIGIT_NUMBER) v = digitValue(ch);
        return v < radix ? v : -1;
    }
    static native int digitValue(int ch);
    public static int getNumericValue(char ch) { return getNumericValue((int) ch); }
    public static int getNumericValue(int ch) {
        if (ch >= '0' && ch <= '9') return ch - '0';
        if (ch >= 'a' && ch <= 'z') return ch - 'a' + 10;
        if (ch >= 'A' && ch <= 'Z') return ch - 'A' + 10;
        return type(ch) == DECIMAL_DIGIT_NUMBER ? digitValue(ch) : -1;
    }
    public static char forDigit(int digit, int radix) {
        if ((digit >= radix) || (digit < 0)) return '\0';
        if ((radix < MIN_RADIX) || (radix > MAX_RADIX)) return '\0';
        if (digit < 10) return (char) ('0' + digit);
        return (char) ('a' - 10 + digit);
    }
    public static char reverseBytes(char ch) { return (char) (((ch & 0xFF00) >> 8) | (ch << 8)); }
    public static String getName(int codePoint) { return null; }
}
