package java.lang;

abstract class AbstractStringBuilder implements Appendable, CharSequence {
    char[] value;
    int count;

    AbstractStringBuilder(int capacity) { value = new char[capacity]; }

    public int length() { return count; }
    public int capacity() { return value.length; }
    public void ensureCapacity(int minimumCapacity) { if (minimumCapacity > value.length) grow(minimumCapacity); }
    private void grow(int min) {
        int n = (value.length << 1) + 2;
        if (n < min) n = min;
        char[] v = new char[n];
        System.arraycopy(value, 0, v, 0, count);
        value = v;
    }
    public void trimToSize() {
        if (count < value.length) {
            char[] v = new char[count];
            System.arraycopy(value, 0, v, 0, count);
            value = v;
        }
    }
    public void setLength(int newLength) {
        if (newLength < 0) throw new StringIndexOutOfBoundsException(newLength);
        ensureCapacity(newLength);
        for (int i = count; i < newLength; i++) value[i] = 0;
        count = newLength;
    }
    public char charAt(int index) {
        if (index < 0 || index >= count) throw new StringIndexOutOfBoundsException("index " + index + ",length " + count);
        return value[index];
    }
    public int codePointAt(int index) { return Character.codePointAt(value, index); }
    public void setCharAt(int index, char ch) {
        if (index < 0 || index >= count) throw new StringIndexOutOfBoundsException("index " + index + ",length " + count);
        value[index] = ch;
    }
    public void getChars(int srcBegin, int srcEnd, char[] dst, int dstBegin) {
        String.checkBoundsBeginEnd(srcBegin, srcEnd, count);
        System.arraycopy(value, srcBegin, dst, dstBegin, srcEnd - srcBegin);
    }

    AbstractStringBuilder appendChars(char[] s, int off, int len) {
        int c = count + len;
        if (c > value.length) grow(c);
        System.arraycopy(s, off, value, count, len);
        count = c;
        return this;
    }
    public AbstractStringBuilder append(Object obj) { return append(String.valueOf(obj)); }
    public AbstractStringBuilder append(String str) {
        if (str == null) str = "null";
        char[] v = str.toCharArray0();
        return appendChars(v, 0, v.length);
    }
    public AbstractStringBuilder append(StringBuffer sb) { return append((CharSequence) sb); }
    public AbstractStringBuilder append(CharSequence s) {
        if (s == null) return append("null");
        if (s instanceof String) return append((String) s);
        if (s instanceof AbstractStringBuilder) {
            AbstractStringBuilder a = (AbstractStringBuilder) s;
            return appendChars(a.value, 0, a.count);
        }
        return append(s, 0, s.length());
    }
    public AbstractStringBuilder append(CharSequence s, int start, int end) {
        if (s == null) s = "null";
        if (start < 0 || start > end || end > s.length())
            throw new IndexOutOfBoundsException("start " + start + ", end " + end + ", length " + s.length());
        ensureCapacity(count + end - start);
        for (int i = start; i < end; i++) value[count++] = s.charAt(i);
        return this;
    }
    public AbstractStringBuilder append(char[] str) { return appendChars(str, 0, str.length); }
    public AbstractStringBuilder append(char[] str, int offset, int len) { return appendChars(str, offset, len); }
    public AbstractStringBuilder append(boolean b) { return append(b ? "true" : "false"); }
    public AbstractStringBuilder append(char c) {
        if (count == value.length) grow(count + 1);
        value[count++] = c;
        return this;
    }
    public AbstractStringBuilder append(int i) {
        if (i >= 0 && i < 10) return append((char) ('0' + i));
        return append(Integer.toString(i));
    }
    public AbstractStringBuilder append(long l) { return append(Long.toString(l)); }
    public AbstractStringBuilder append(float f) { return append(Float.toString(f)); }
    public AbstractStringBuilder append(double d) { return append(Double.toString(d)); }
    public AbstractStringBuilder appendCodePoint(int codePoint) {
        if (Character.isBmpCodePoint(codePoint)) return append((char) codePoint);
        return append(Character.highSurrogate(codePoint)).append(Character.lowSurrogate(codePoint));
    }

    public AbstractStringBuilder delete(int start, int end) {
        if (end > count) end = count;
        if (start < 0 || start > end) throw new StringIndexOutOfBoundsException("start " + start + ", end " + end + ", length " + count);
        int len = end - start;
        if (len > 0) {
            System.arraycopy(value, start + len, value, start, count - end);
            count -= len;
        }
        return this;
    }
    public AbstractStringBuilder deleteCharAt(int index) {
        if (index < 0 || index >= count) throw new StringIndexOutOfBoundsException("index " + index + ",length " + count);
        System.arraycopy(value, index + 1, value, index, count - index - 1);
        count--;
        return this;
    }
    public AbstractStringBuilder replace(int start, int end, String str) {
        if (start < 0 || start > count || start > end) throw new StringIndexOutOfBoundsException("start " + start + ", end " + end + ", length " + count);
        if (end > count) end = count;
        int len = str.length();
        int newCount = count + len - (end - start);
        ensureCapacity(newCount);
        System.arraycopy(value, end, value, start + len, count - end);
        str.getChars(0, len, value, start);
        count = newCount;
        return this;
    }
    public AbstractStringBuilder insert(int offset, String str) {
        if (offset < 0 || offset > count) throw new StringIndexOutOfBoundsException("offset " + offset + ", length " + count);
        if (str == null) str = "null";
        int len = str.length();
        ensureCapacity(count + len);
        System.arraycopy(value, offset, value, offset + len, count - offset);
        str.getChars(0, len, value, offset);
        count += len;
        return this;
    }
    public AbstractStringBuilder insert(int offset, char c) { return insert(offset, String.valueOf(c)); }
    public AbstractStringBuilder insert(int offset, Object obj) { return insert(offset, String.valueOf(obj)); }
    public AbstractStringBuilder insert(int offset, int i) { return insert(offset, String.valueOf(i)); }
    public AbstractStringBuilder insert(int offset, long l) { return insert(offset, String.valueOf(l)); }
    public AbstractStringBuilder insert(int offset, boolean b) { return insert(offset, String.valueOf(b)); }
    public AbstractStringBuilder insert(int offset, double d) { return insert(offset, String.valueOf(d)); }
    public AbstractStringBuilder insert(int offset, float f) { return insert(offset, String.valueOf(f)); }
    public AbstractStringBuilder insert(int offset, char[] str) { return insert(offset, new String(str)); }
    public AbstractStringBuilder insert(int dstOffset, CharSequence s) { return insert(dstOffset, String.valueOf(s)); }

    public int indexOf(String str) { return toString().indexOf(str); }
    public int indexOf(String str, int fromIndex) { return toString().indexOf(str, fromIndex); }
    public int lastIndexOf(String str) { return toString().lastIndexOf(str); }
    public int lastIndexOf(String str, int fromIndex) { return toString().lastIndexOf(str, fromIndex); }

    public AbstractStringBuilder reverse() {
        int n = count - 1;
        boolean surrogates = false;
        for (int j = (n - 1) >> 1; j >= 0; j--) {
            int k = n - j;
            char cj = value[j];
            char ck = value[k];
            value[j] = ck;
            value[k] = cj;
            if (Character.isSurrogate(cj) || Character.isSurrogate(ck)) surrogates = true;
        }
        if (surrogates) {
            for (int i = 0; i < count - 1; i++) {
                char c2 = value[i];
                if (Character.isLowSurrogate(c2)) {
                    char c1 = value[i + 1];
                    if (Character.isHighSurrogate(c1)) {
                        value[i++] = c1;
                        value[i] = c2;
                    }
                }
            }
        }
        return this;
    }
    public String substring(int start) { return substring(start, count); }
    public String substring(int start, int end) {
        String.checkBoundsBeginEnd(start, end, count);
        return new String(value, start, end - start);
    }
    public CharSequence subSequence(int start, int end) { return substring(start, end); }
    public int compareTo(AbstractStringBuilder another) { return toString().compareTo(another.toString()); }
    public abstract String toString();
}
