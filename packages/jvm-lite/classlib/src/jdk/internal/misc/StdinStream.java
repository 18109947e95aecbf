package jdk.internal.misc;

import java.io.InputStream;

/** System.in: bytes of the VM's standard input (the host supplies them). */
public final class StdinStream extends InputStream {
    public StdinStream() {}
    public native int read();
    public native int available();
}
