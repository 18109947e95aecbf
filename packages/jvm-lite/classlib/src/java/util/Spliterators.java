package java.util;

import java.util.function.Consumer;

/** Spliterators over iterators, collections and arrays, and iterators over spliterators. */
public final class Spliterators {
    private Spliterators() {
    }

    public static <T> Spliterator<T> emptySpliterator() {
        return spliteratorUnknownSize(Collections.emptyIterator(), Spliterator.SIZED);
    }

    @SuppressWarnings("unchecked")
    public static <T> Spliterator<T> spliterator(Object[] array, int additionalCharacteristics) {
        Iterator<T> it = (Iterator<T>) Arrays.asList(array).iterator();
        return new IteratorSpliterator<>(it, array.length, additionalCharacteristics | Spliterator.SIZED);
    }

    public static <T> Spliterator<T> spliterator(Collection<? extends T> c, int characteristics) {
        return new IteratorSpliterator<>(c.iterator(), c.size(), characteristics | Spliterator.SIZED);
    }

    public static <T> Spliterator<T> spliterator(Iterator<? extends T> iterator, long size, int characteristics) {
        return new IteratorSpliterator<>(iterator, size, characteristics | Spliterator.SIZED);
    }

    public static <T> Spliterator<T> spliteratorUnknownSize(Iterator<? extends T> iterator, int characteristics) {
        return new IteratorSpliterator<>(iterator, Long.MAX_VALUE, characteristics & ~Spliterator.SIZED);
    }

    public static <T> Iterator<T> iterator(Spliterator<? extends T> spliterator) {
        Objects.requireNonNull(spliterator);
        return new Iterator<T>() {
            boolean ready;
            T next;

            public boolean hasNext() {
                if (!ready) ready = spliterator.tryAdvance(t -> next = t);
                return ready;
            }

            public T next() {
                if (!hasNext()) throw new NoSuchElementException();
                ready = false;
                T t = next;
                next = null;
                return t;
            }
        };
    }

    /** A sequential spliterator over an iterator. */
    static final class IteratorSpliterator<T> implements Spliterator<T> {
        private final Iterator<? extends T> it;
        private long est;
        private final int characteristics;

        IteratorSpliterator(Iterator<? extends T> it, long size, int characteristics) {
            this.it = it;
            this.est = size;
            this.characteristics = characteristics;
        }

        public boolean tryAdvance(Consumer<? super T> action) {
            Objects.requireNonNull(action);
            if (!it.hasNext()) return false;
            action.accept(it.next());
            if (est != Long.MAX_VALUE && est > 0) est--;
            return true;
        }

        public void forEachRemaining(Consumer<? super T> action) {
            Objects.requireNonNull(action);
            while (it.hasNext()) action.accept(it.next());
        }

        public Spliterator<T> trySplit() {
            return null;
        }

        public long estimateSize() {
            return est;
        }

        public int characteristics() {
            return characteristics;
        }
    }
}
