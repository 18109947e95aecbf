package java.io;

/**
 * jvm-lite's PrintStream. The standard streams (fd 1 and 2) write strings straight to the VM's
 * output through a native; a PrintStream over any other OutputStream encodes UTF-8 bytes.
 */
public class PrintStream extends FilterOutputStream implements Appendable, Closeable {
    private final int fd;
    private final boolean autoFlush;
    private boolean trouble;
    private boolean closed;

    public PrintStream(int fd) {
        super(null);
        this.fd = fd;
        this.autoFlush = true;
    }
    public PrintStream(OutputStream out) { this(out, false); }
    public PrintStream(OutputStream out, boolean autoFlush) {
        super(out);
        if (out == null) throw new NullPointerException("Null output stream");
        this.fd = -1;
        this.autoFlush = autoFlush;
    }
    public PrintStream(OutputStream out, boolean autoFlush, String encoding) { this(out, autoFlush); }

    private static native void writeString(int fd, String s);
    private static native void writeBytes(int fd, byte[] b, int off, int len);

    private void emit(String s) {
        if (closed) { trouble = true; return; }
        if (fd >= 0) { writeString(fd, s); return; }
        try {
            byte[] b = s.getBytes();
            out.write(b, 0, b.length);
        } catch (IOException e) {
            trouble = true;
        }
    }

    public void flush() {
        if (fd < 0 && out != null) {
            try { out.flush(); } catch (IOException e) { trouble = true; }
        }
    }
    public void close() {
        if (closed) return;
        closed = true;
        if (fd < 0) {
            try { out.close(); } catch (IOException e) { trouble = true; }
        }
    }
    public boolean checkError() { flush(); return trouble; }
    protected void setError() { trouble = true; }
    protected void clearError() { trouble = false; }

    public void write(int b) {
        if (fd >= 0) { writeBytes(fd, new byte[] { (byte) b }, 0, 1); return; }
        try {
            out.write(b);
            if ((b == '\n') && autoFlush) out.flush();
        } catch (IOException x) {
            trouble = true;
        }
    }
    public void write(byte[] buf, int off, int len) {
        if (fd >= 0) { writeBytes(fd, buf, off, len); return; }
        try {
            out.write(buf, off, len);
            if (autoFlush) out.flush();
        } catch (IOException x) {
            trouble = true;
        }
    }
    public void write(byte[] buf) throws IOException { write(buf, 0, buf.length); }
    public void writeBytes(byte[] buf) { write(buf, 0, buf.length); }

    public void print(boolean b) { emit(b ? "true" : "false"); }
    public void print(char c) { emit(String.valueOf(c)); }
    public void print(int i) { emit(String.valueOf(i)); }
    public void print(long l) { emit(String.valueOf(l)); }
    public void print(float f) { emit(String.valueOf(f)); }
    public void print(double d) { emit(String.valueOf(d)); }
    public void print(char[] s) { emit(new String(s)); }
    public void print(String s) { emit(s == null ? "null" : s); }
    public void print(Object obj) { emit(String.valueOf(obj)); }

    public void println() { emit("\n"); }
    public void println(boolean x) { emit((x ? "true" : "false") + "\n"); }
    public void println(char x) { emit(String.valueOf(x) + "\n"); }
    public void println(int x) { emit(String.valueOf(x) + "\n"); }
    public void println(long x) { emit(String.valueOf(x) + "\n"); }
    public void println(float x) { emit(String.valueOf(x) + "\n"); }
    public void println(double x) { emit(String.valueOf(x) + "\n"); }
    public void println(char[] x) { emit(new String(x) + "\n"); }
    public void println(String x) { emit((x == null ? "null" : x) + "\n"); }
    public void println(Object x) { emit(String.valueOf(x) + "\n"); }

    public PrintStream printf(String format, Object... args) { return format(format, args); }
    public PrintStream format(String format, Object... args) {
        emit(String.format(format, args));
        return this;
    }
    public PrintStream append(CharSequence csq) { print(String.valueOf(csq)); return this; }
    public PrintStream append(CharSequence csq, int start, int end) {
        if (csq == null) csq = "null";
        return append(csq.subSequence(start, end));
    }
    public PrintStream append(char c) { print(c); return this; }
}
