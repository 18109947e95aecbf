package java.io;

/**
 * Decodes a byte stream as UTF-8 (the only charset: jvm-lite's file.encoding). Malformed input
 * becomes U+FFFD, as the JDK's REPLACE action does.
 */
public class InputStreamReader extends Reader {
    private final InputStream in;
    private final byte[] bytes = new byte[8192];
    private int bytePos, byteEnd;
    private boolean eof;
    /** The low surrogate of a supplementary character whose high half was already returned. */
    private int pendingLow = -1;

    public InputStreamReader(InputStream in) {
        super(in);
        this.in = in;
    }

    public InputStreamReader(InputStream in, String charsetName) throws UnsupportedEncodingException {
        this(in);
        String n = charsetName.toUpperCase();
        if (!n.equals("UTF-8") && !n.equals("UTF8") && !n.equals("US-ASCII") && !n.equals("ISO-8859-1")) {
            throw new UnsupportedEncodingException(charsetName);
        }
    }

    public String getEncoding() {
        return "UTF8";
    }

    private int nextByte() throws IOException {
        if (bytePos >= byteEnd) {
            if (eof) return -1;
            int n = in.read(bytes, 0, bytes.length);
            if (n <= 0) {
                eof = true;
                return -1;
            }
            bytePos = 0;
            byteEnd = n;
        }
        return bytes[bytePos++] & 0xff;
    }

    /** Decodes one code point, or -1 at the end of the stream. */
    private int decode() throws IOException {
        int b0 = nextByte();
        if (b0 < 0) return -1;
        if (b0 < 0x80) return b0;
        int extra;
        int cp;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            extra = 1;
            cp = b0 & 0x1F;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            extra = 2;
            cp = b0 & 0x0F;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            extra = 3;
            cp = b0 & 0x07;
        } else {
            return 0xFFFD;
        }
        for (int i = 0; i < extra; i++) {
            if (bytePos >= byteEnd && !eof) {
                int n = in.read(bytes, 0, bytes.length);
                if (n <= 0) eof = true;
                else {
                    bytePos = 0;
                    byteEnd = n;
                }
            }
            if (bytePos >= byteEnd) return 0xFFFD;
            int b = bytes[bytePos] & 0xff;
            if ((b & 0xC0) != 0x80) return 0xFFFD;
            bytePos++;
            cp = (cp << 6) | (b & 0x3F);
        }
        return cp;
    }

    public int read(char[] cbuf, int off, int len) throws IOException {
        synchronized (lock) {
            if (off < 0 || len < 0 || len > cbuf.length - off) throw new IndexOutOfBoundsException();
            if (len == 0) return 0;
            int n = 0;
            while (n < len) {
                if (pendingLow >= 0) {
                    cbuf[off + n++] = (char) pendingLow;
                    pendingLow = -1;
                    continue;
                }
                // Return what we have rather than block for more input (a line typed on stdin).
                if (n > 0 && bytePos >= byteEnd) break;
                int cp = decode();
                if (cp < 0) break;
                if (cp >= 0x10000) {
                    int v = cp - 0x10000;
                    cbuf[off + n++] = (char) (0xD800 + (v >>> 10));
                    pendingLow = 0xDC00 + (v & 0x3FF);
                } else {
                    cbuf[off + n++] = (char) cp;
                }
            }
            return n == 0 ? -1 : n;
        }
    }

    public boolean ready() throws IOException {
        return pendingLow >= 0 || bytePos < byteEnd || in.available() > 0;
    }

    public void close() throws IOException {
        in.close();
    }
}
