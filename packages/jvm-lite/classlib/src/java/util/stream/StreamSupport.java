package java.util.stream;

import java.util.Collection;
import java.util.Iterator;
import java.util.PrimitiveIterator;

/** Makes streams from iterators and collections (jvm-lite's streams pull through iterators). */
public final class StreamSupport {
    private StreamSupport() {
    }

    /** The collection's iterator is created when the terminal operation starts (late binding). */
    public static <T> Stream<T> stream(Collection<T> c) {
        return new ReferencePipeline<>(new Iterator<T>() {
            private Iterator<T> it;

            private Iterator<T> it() {
                if (it == null) it = c.iterator();
                return it;
            }

            public boolean hasNext() {
                return it().hasNext();
            }

            public T next() {
                return it().next();
            }
        });
    }

    /** The JDK's idiom for streaming an Iterable: StreamSupport.stream(iterable.spliterator(), false). */
    public static <T> Stream<T> stream(java.util.Spliterator<T> spliterator, boolean parallel) {
        return new ReferencePipeline<>(java.util.Spliterators.iterator(spliterator));
    }

    public static <T> Stream<T> stream(Iterator<T> it) {
        return new ReferencePipeline<>(it);
    }

    public static IntStream intStream(PrimitiveIterator.OfInt it) {
        return new IntPipeline(it);
    }

    public static LongStream longStream(PrimitiveIterator.OfLong it) {
        return new LongPipeline(it);
    }

    public static DoubleStream doubleStream(PrimitiveIterator.OfDouble it) {
        return new DoublePipeline(it);
    }
}
