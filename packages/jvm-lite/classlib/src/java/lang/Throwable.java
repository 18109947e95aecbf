package java.lang;

import java.io.PrintStream;

public class Throwable implements java.io.Serializable {
    private String detailMessage;
    private Throwable cause = this;
    private StackTraceElement[] stackTrace;
    private Throwable[] suppressed;
    private int suppressedCount;

    public Throwable() { fillInStackTrace(); }
    public Throwable(String message) { fillInStackTrace(); detailMessage = message; }
    public Throwable(String message, Throwable cause) { fillInStackTrace(); detailMessage = message; this.cause = cause; }
    public Throwable(Throwable cause) {
        fillInStackTrace();
        detailMessage = (cause == null ? null : cause.toString());
        this.cause = cause;
    }
    protected Throwable(String message, Throwable cause, boolean enableSuppression, boolean writableStackTrace) {
        if (writableStackTrace) fillInStackTrace();
        detailMessage = message;
        this.cause = cause;
    }

    public String getMessage() { return detailMessage; }
    public String getLocalizedMessage() { return getMessage(); }
    public synchronized Throwable getCause() { return (cause == this ? null : cause); }

    public synchronized Throwable initCause(Throwable cause) {
        if (this.cause != this)
            throw new IllegalStateException("Can't overwrite cause with " + (cause == null ? "a null" : cause.toString()), this);
        if (cause == this) throw new IllegalArgumentException("Self-causation not permitted", this);
        this.cause = cause;
        return this;
    }

    public String toString() {
        String s = getClass().getName();
        String message = getLocalizedMessage();
        return (message != null) ? (s + ": " + message) : s;
    }

    public void printStackTrace() { printStackTrace(System.err); }

    public void printStackTrace(PrintStream s) {
        synchronized (s) {
            s.println(this);
            StackTraceElement[] trace = getOurStackTrace();
            for (StackTraceElement traceElement : trace) s.println("\tat " + traceElement);
            for (int i = 0; i < suppressedCount; i++)
                suppressed[i].printEnclosedStackTrace(s, trace, "Suppressed: ", "\t", new Throwable[] { this });
            Throwable ourCause = getCause();
            if (ourCause != null) ourCause.printEnclosedStackTrace(s, trace, "Caused by: ", "", new Throwable[] { this });
        }
    }

    private void printEnclosedStackTrace(PrintStream s, StackTraceElement[] enclosingTrace, String caption, String prefix, Throwable[] dejaVu) {
        for (Throwable t : dejaVu) {
            if (t == this) {
                s.println(prefix + caption + "[CIRCULAR REFERENCE: " + this + "]");
                return;
            }
        }
        Throwable[] seen = new Throwable[dejaVu.length + 1];
        System.arraycopy(dejaVu, 0, seen, 0, dejaVu.length);
        seen[dejaVu.length] = this;
        StackTraceElement[] trace = getOurStackTrace();
        int m = trace.length - 1;
        int n = enclosingTrace.length - 1;
        while (m >= 0 && n >= 0 && trace[m].equals(enclosingTrace[n])) { m--; n--; }
        int framesInCommon = trace.length - 1 - m;
        s.println(prefix + caption + this);
        for (int i = 0; i <= m; i++) s.println(prefix + "\tat " + trace[i]);
        if (framesInCommon != 0) s.println(prefix + "\t... " + framesInCommon + " more");
        for (int i = 0; i < suppressedCount; i++)
            suppressed[i].printEnclosedStackTrace(s, trace, "Suppressed: ", prefix + "\t", seen);
        Throwable ourCause = getCause();
        if (ourCause != null) ourCause.printEnclosedStackTrace(s, trace, "Caused by: ", prefix, seen);
    }

    public synchronized native Throwable fillInStackTrace();
    private native StackTraceElement[] buildStackTrace();

    public StackTraceElement[] getStackTrace() { return getOurStackTrace().clone(); }

    private synchronized StackTraceElement[] getOurStackTrace() {
        if (stackTrace == null) stackTrace = buildStackTrace();
        return stackTrace;
    }

    public void setStackTrace(StackTraceElement[] stackTrace) {
        StackTraceElement[] defensiveCopy = stackTrace.clone();
        for (int i = 0; i < defensiveCopy.length; i++)
            if (defensiveCopy[i] == null) throw new NullPointerException("stackTrace[" + i + "]");
        this.stackTrace = defensiveCopy;
    }

    public final synchronized void addSuppressed(Throwable exception) {
        if (exception == this) throw new IllegalArgumentException("Self-suppression not permitted", exception);
        if (exception == null) throw new NullPointerException("Cannot suppress a null exception.");
        if (suppressed == null) suppressed = new Throwable[2];
        if (suppressedCount == suppressed.length) {
            Throwable[] n = new Throwable[suppressedCount * 2];
            System.arraycopy(suppressed, 0, n, 0, suppressedCount);
            suppressed = n;
        }
        suppressed[suppressedCount++] = exception;
    }

    public final synchronized Throwable[] getSuppressed() {
        Throwable[] r = new Throwable[suppressedCount];
        if (suppressedCount > 0) System.arraycopy(suppressed, 0, r, 0, suppressedCount);
        return r;
    }
}
