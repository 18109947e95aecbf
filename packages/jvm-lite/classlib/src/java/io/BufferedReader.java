package java.io;

/**
 * Buffers a character stream and reads lines: a line ends at '\n', '\r' or "\r\n"; readLine
 * returns it without the terminator, or null at the end of the stream.
 */
public class BufferedReader extends Reader {
    private Reader in;
    private char[] cb;
    private int nChars, nextChar;
    private boolean skipLF = false;
    private static final int DEFAULT_CHAR_BUFFER_SIZE = 8192;

    public BufferedReader(Reader in, int sz) {
        super(in);
        if (sz <= 0) throw new IllegalArgumentException("Buffer size <= 0");
        this.in = in;
        cb = new char[sz];
        nextChar = nChars = 0;
    }

    public BufferedReader(Reader in) {
        this(in, DEFAULT_CHAR_BUFFER_SIZE);
    }

    private void ensureOpen() throws IOException {
        if (in == null) throw new IOException("Stream closed");
    }

    /** Refills the buffer; returns false at the end of the stream. */
    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(cb, 0, cb.length);
        } while (n == 0);
        if (n < 0) return false;
        nChars = n;
        nextChar = 0;
        return true;
    }

    public int read() throws IOException {
        synchronized (lock) {
            ensureOpen();
            for (;;) {
                if (nextChar >= nChars && !fill()) return -1;
                if (skipLF) {
                    skipLF = false;
                    if (cb[nextChar] == '\n') {
                        nextChar++;
                        continue;
                    }
                }
                return cb[nextChar++];
            }
        }
    }

    public int read(char[] cbuf, int off, int len) throws IOException {
        synchronized (lock) {
            ensureOpen();
            if (off < 0 || len < 0 || len > cbuf.length - off) throw new IndexOutOfBoundsException();
            if (len == 0) return 0;
            int n = 0;
            while (n < len) {
                if (nextChar >= nChars) {
                    if (n > 0 && !in.ready()) break;
                    if (!fill()) break;
                }
                if (skipLF) {
                    skipLF = false;
                    if (cb[nextChar] == '\n') {
                        nextChar++;
                        continue;
                    }
                }
                int k = Math.min(len - n, nChars - nextChar);
                System.arraycopy(cb, nextChar, cbuf, off + n, k);
                nextChar += k;
                n += k;
            }
            return n == 0 ? -1 : n;
        }
    }

    public String readLine() throws IOException {
        synchronized (lock) {
            ensureOpen();
            StringBuilder s = null;
            for (;;) {
                if (nextChar >= nChars && !fill()) return s != null ? s.toString() : null;
                if (skipLF) {
                    // The previous line ended with '\r': a '\n' right after it belongs to it.
                    skipLF = false;
                    if (cb[nextChar] == '\n') {
                        nextChar++;
                        continue;
                    }
                }
                int start = nextChar;
                int i = start;
                char c = 0;
                for (; i < nChars; i++) {
                    c = cb[i];
                    if (c == '\n' || c == '\r') break;
                }
                if (s == null) s = new StringBuilder();
                s.append(cb, start, i - start);
                if (i < nChars) {
                    nextChar = i + 1;
                    if (c == '\r') skipLF = true;
                    return s.toString();
                }
                nextChar = nChars;
            }
        }
    }

    public long skip(long n) throws IOException {
        if (n < 0L) throw new IllegalArgumentException("skip value is negative");
        synchronized (lock) {
            ensureOpen();
            long r = n;
            while (r > 0) {
                int c = read();
                if (c < 0) break;
                r--;
            }
            return n - r;
        }
    }

    public boolean ready() throws IOException {
        synchronized (lock) {
            ensureOpen();
            return nextChar < nChars || in.ready();
        }
    }

    public void close() throws IOException {
        synchronized (lock) {
            if (in == null) return;
            try {
                in.close();
            } finally {
                in = null;
                cb = null;
            }
        }
    }
}
