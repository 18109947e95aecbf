package java.io;

/** Encodes characters as UTF-8 onto a byte stream; a lone surrogate is written as '?'. */
public class OutputStreamWriter extends Writer {
    private final OutputStream out;
    private int pendingHigh = -1;

    public OutputStreamWriter(OutputStream out) {
        super(out);
        this.out = out;
    }

    public OutputStreamWriter(OutputStream out, String charsetName) throws UnsupportedEncodingException {
        this(out);
        String n = charsetName.toUpperCase();
        if (!n.equals("UTF-8") && !n.equals("UTF8")) throw new UnsupportedEncodingException(charsetName);
    }

    public String getEncoding() {
        return "UTF8";
    }

    public void write(char[] cbuf, int off, int len) throws IOException {
        synchronized (lock) {
            byte[] buf = new byte[len * 3 + 4];
            int n = 0;
            for (int i = off; i < off + len; i++) {
                char c = cbuf[i];
                if (pendingHigh >= 0) {
                    int high = pendingHigh;
                    pendingHigh = -1;
                    if (c >= 0xDC00 && c <= 0xDFFF) {
                        int cp = 0x10000 + ((high - 0xD800) << 10) + (c - 0xDC00);
                        buf[n++] = (byte) (0xF0 | (cp >> 18));
                        buf[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                        buf[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                        buf[n++] = (byte) (0x80 | (cp & 0x3F));
                        continue;
                    }
                    buf[n++] = '?';
                }
                if (c < 0x80) {
                    buf[n++] = (byte) c;
                } else if (c < 0x800) {
                    buf[n++] = (byte) (0xC0 | (c >> 6));
                    buf[n++] = (byte) (0x80 | (c & 0x3F));
                } else if (c >= 0xD800 && c <= 0xDBFF) {
                    pendingHigh = c;
                } else if (c >= 0xDC00 && c <= 0xDFFF) {
                    buf[n++] = '?';
                } else {
                    buf[n++] = (byte) (0xE0 | (c >> 12));
                    buf[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    buf[n++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            out.write(buf, 0, n);
        }
    }

    public void flush() throws IOException {
        out.flush();
    }

    public void close() throws IOException {
        flush();
        out.close();
    }
}
