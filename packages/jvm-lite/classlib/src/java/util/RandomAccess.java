package java.util;

/** Marker for lists with fast (constant time) positional access. */
public interface RandomAccess {
}
