package java.util.stream;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** An iterator that computes its next element on demand: fetch() sets value or returns false. */
abstract class Lookahead<T> implements Iterator<T> {
    T value;
    private int state; // 0 unknown, 1 ready, 2 done

    abstract boolean fetch();

    public final boolean hasNext() {
        if (state == 0) state = fetch() ? 1 : 2;
        return state == 1;
    }

    public final T next() {
        if (!hasNext()) throw new NoSuchElementException();
        state = 0;
        T v = value;
        value = null;
        return v;
    }
}
