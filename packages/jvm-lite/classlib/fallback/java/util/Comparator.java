package java.util;

/* Fallback used by the classlib build only until classlib/src/java/util/Comparator.java exists. */
@FunctionalInterface
public interface Comparator<T> {
    int compare(T o1, T o2);
}
