package java.lang;

import java.util.function.Supplier;

public class ThreadLocal<T> {
    private final Object key = new Object();
    private Object[] values = new Object[0];
    private Thread[] owners = new Thread[0];
    public ThreadLocal() {}
    protected T initialValue() { return null; }
    public static <S> ThreadLocal<S> withInitial(Supplier<? extends S> supplier) {
        return new ThreadLocal<S>() {
            @Override protected S initialValue() { return supplier.get(); }
        };
    }
    private synchronized int indexOf(Thread t) {
        for (int i = 0; i < owners.length; i++) if (owners[i] == t) return i;
        return -1;
    }
    @SuppressWarnings("unchecked")
    public T get() {
        Thread t = Thread.currentThread();
        int i = indexOf(t);
        if (i >= 0) return (T) values[i];
        T v = initialValue();
        set(v);
        return v;
    }
    public synchronized void set(T value) {
        Thread t = Thread.currentThread();
        int i = indexOf(t);
        if (i >= 0) { values[i] = value; return; }
        Object[] nv = new Object[values.length + 1];
        Thread[] no = new Thread[owners.length + 1];
        System.arraycopy(values, 0, nv, 0, values.length);
        System.arraycopy(owners, 0, no, 0, owners.length);
        nv[values.length] = value;
        no[owners.length] = t;
        values = nv;
        owners = no;
    }
    public synchronized void remove() {
        int i = indexOf(Thread.currentThread());
        if (i >= 0) values[i] = null;
    }
}
