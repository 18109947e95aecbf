package java.io;

public abstract class InputStream implements Closeable {
    public InputStream() {}
    public abstract int read() throws IOException;
    public int read(byte[] b) throws IOException { return read(b, 0, b.length); }
    public int read(byte[] b, int off, int len) throws IOException {
        if (off < 0 || len < 0 || len > b.length - off) throw new IndexOutOfBoundsException();
        if (len == 0) return 0;
        int c = read();
        if (c == -1) return -1;
        b[off] = (byte) c;
        int i = 1;
        for (; i < len; i++) {
            if (available() <= 0) break;
            c = read();
            if (c == -1) break;
            b[off + i] = (byte) c;
        }
        return i;
    }
    public byte[] readAllBytes() throws IOException {
        byte[] buf = new byte[64];
        int n = 0;
        int c;
        while ((c = read()) != -1) {
            if (n == buf.length) {
                byte[] nb = new byte[n * 2];
                System.arraycopy(buf, 0, nb, 0, n);
                buf = nb;
            }
            buf[n++] = (byte) c;
        }
        byte[] r = new byte[n];
        System.arraycopy(buf, 0, r, 0, n);
        return r;
    }
    public long skip(long n) throws IOException {
        long k = 0;
        while (k < n && read() != -1) k++;
        return k;
    }
    public int available() throws IOException { return 0; }
    public void close() throws IOException {}
    public synchronized void mark(int readlimit) {}
    public synchronized void reset() throws IOException { throw new IOException("mark/reset not supported"); }
    public boolean markSupported() { return false; }
}
