package java.util;

import java.util.function.Consumer;

/* Fallback used by the classlib build only until classlib/src/java/util/Iterator.java exists. */
public interface Iterator<E> {
    boolean hasNext();
    E next();
    default void remove() { throw new UnsupportedOperationException("remove"); }
    default void forEachRemaining(Consumer<? super E> action) {
        while (hasNext()) action.accept(next());
    }
}
