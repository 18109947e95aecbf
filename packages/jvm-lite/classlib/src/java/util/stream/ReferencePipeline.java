package java.util.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * A Stream as a chain of pulling iterators. Elements flow one at a time through the stages, so
 * peek/map/filter side effects interleave per element as in the JDK's sequential streams; sorted
 * is a barrier; limit and the short-circuiting terminals stop pulling early (infinite streams work).
 */
final class ReferencePipeline<T> implements Stream<T> {
    private Iterator<T> source;
    private boolean consumed;
    private final List<Runnable> closeHandlers;

    ReferencePipeline(Iterator<T> source) {
        this(source, new ArrayList<>());
    }

    private ReferencePipeline(Iterator<T> source, List<Runnable> closeHandlers) {
        this.source = source;
        this.closeHandlers = closeHandlers;
    }

    /** Takes this stage's iterator, marking the stage linked (a stream is used once). */
    Iterator<T> take() {
        if (consumed) throw new IllegalStateException("stream has already been operated upon or closed");
        consumed = true;
        return source;
    }

    private <R> Stream<R> chain(Iterator<R> it) {
        return new ReferencePipeline<>(it, closeHandlers);
    }

    public Iterator<T> iterator() {
        return take();
    }

    public boolean isParallel() {
        return false;
    }

    public Stream<T> sequential() {
        return this;
    }

    public Stream<T> parallel() {
        return this;
    }

    public Stream<T> unordered() {
        return this;
    }

    public Stream<T> onClose(Runnable closeHandler) {
        closeHandlers.add(Objects.requireNonNull(closeHandler));
        return this;
    }

    public void close() {
        consumed = true;
        RuntimeException first = null;
        for (Runnable r : closeHandlers) {
            try {
                r.run();
            } catch (RuntimeException e) {
                if (first == null) first = e;
                else first.addSuppressed(e);
            }
        }
        closeHandlers.clear();
        if (first != null) throw first;
    }

    public Stream<T> filter(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate);
        Iterator<T> in = take();
        return chain(new Lookahead<T>() {
            boolean fetch() {
                while (in.hasNext()) {
                    T t = in.next();
                    if (predicate.test(t)) {
                        value = t;
                        return true;
                    }
                }
                return false;
            }
        });
    }

    public <R> Stream<R> map(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper);
        Iterator<T> in = take();
        return chain(new Iterator<R>() {
            public boolean hasNext() { return in.hasNext(); }

            public R next() { return mapper.apply(in.next()); }
        });
    }

    public IntStream mapToInt(ToIntFunction<? super T> mapper) {
        Objects.requireNonNull(mapper);
        Iterator<T> in = take();
        return new IntPipeline(new java.util.PrimitiveIterator.OfInt() {
            public boolean hasNext() { return in.hasNext(); }

            public int nextInt() { return mapper.applyAsInt(in.next()); }
        });
    }

    public LongStream mapToLong(ToLongFunction<? super T> mapper) {
        Objects.requireNonNull(mapper);
        Iterator<T> in = take();
        return new LongPipeline(new java.util.PrimitiveIterator.OfLong() {
            public boolean hasNext() { return in.hasNext(); }

            public long nextLong() { return mapper.applyAsLong(in.next()); }
        });
    }

    public DoubleStream mapToDouble(ToDoubleFunction<? super T> mapper) {
        Objects.requireNonNull(mapper);
        Iterator<T> in = take();
        return new DoublePipeline(new java.util.PrimitiveIterator.OfDouble() {
            public boolean hasNext() { return in.hasNext(); }

            public double nextDouble() { return mapper.applyAsDouble(in.next()); }
        });
    }

    public <R> Stream<R> flatMap(Function<? super T, ? extends Stream<? extends R>> mapper) {
        Objects.requireNonNull(mapper);
        Iterator<T> in = take();
        return chain(new Lookahead<R>() {
            Iterator<? extends R> current;
            Stream<? extends R> currentStream;

            boolean fetch() {
                for (;;) {
                    if (current != null && current.hasNext()) {
                        value = current.next();
                        return true;
                    }
                    if (currentStream != null) {
                        currentStream.close();
                        currentStream = null;
                    }
                    if (!in.hasNext()) return false;
                    currentStream = mapper.apply(in.next());
                    current = currentStream == null ? null : currentStream.iterator();
                }
            }
        });
    }

    public IntStream flatMapToInt(Function<? super T, ? extends IntStream> mapper) {
        return flatMap(t -> mapper.apply(t).boxed()).mapToInt(Integer::intValue);
    }

    public <R> Stream<R> mapMulti(BiConsumer<? super T, ? super Consumer<R>> mapper) {
        return flatMap(t -> {
            ArrayList<R> buffer = new ArrayList<>();
            mapper.accept(t, (Consumer<R>) buffer::add);
            return buffer.stream();
        });
    }

    public Stream<T> distinct() {
        Iterator<T> in = take();
        HashSet<T> seen = new HashSet<>();
        return chain(new Lookahead<T>() {
            boolean fetch() {
                while (in.hasNext()) {
                    T t = in.next();
                    if (seen.add(t)) {
                        value = t;
                        return true;
                    }
                }
                return false;
            }
        });
    }

    public Stream<T> sorted() {
        return sorted(null);
    }

    @SuppressWarnings("unchecked")
    public Stream<T> sorted(Comparator<? super T> comparator) {
        Iterator<T> in = take();
        return chain(new Lookahead<T>() {
            Iterator<T> sortedIt;

            boolean fetch() {
                if (sortedIt == null) {
                    ArrayList<T> all = new ArrayList<>();
                    while (in.hasNext()) all.add(in.next());
                    Object[] a = all.toArray();
                    if (comparator == null) {
                        for (Object o : a) {
                            if (!(o instanceof Comparable)) throw new ClassCastException("class " + o.getClass().getName() + " cannot be cast to class java.lang.Comparable");
                        }
                    }
                    Arrays.sort(a, (Comparator<Object>) comparator);
                    sortedIt = (Iterator<T>) Arrays.asList(a).iterator();
                }
                if (!sortedIt.hasNext()) return false;
                value = sortedIt.next();
                return true;
            }
        });
    }

    public Stream<T> peek(Consumer<? super T> action) {
        Objects.requireNonNull(action);
        Iterator<T> in = take();
        return chain(new Iterator<T>() {
            public boolean hasNext() { return in.hasNext(); }

            public T next() {
                T t = in.next();
                action.accept(t);
                return t;
            }
        });
    }

    public Stream<T> limit(long maxSize) {
        if (maxSize < 0) throw new IllegalArgumentException(Long.toString(maxSize));
        Iterator<T> in = take();
        return chain(new Iterator<T>() {
            long left = maxSize;

            public boolean hasNext() { return left > 0 && in.hasNext(); }

            public T next() {
                if (left <= 0) throw new java.util.NoSuchElementException();
                left--;
                return in.next();
            }
        });
    }

    public Stream<T> skip(long n) {
        if (n < 0) throw new IllegalArgumentException(Long.toString(n));
        Iterator<T> in = take();
        return chain(new Lookahead<T>() {
            long toSkip = n;

            boolean fetch() {
                while (toSkip > 0 && in.hasNext()) {
                    in.next();
                    toSkip--;
                }
                if (!in.hasNext()) return false;
                value = in.next();
                return true;
            }
        });
    }

    public Stream<T> takeWhile(Predicate<? super T> predicate) {
        Iterator<T> in = take();
        return chain(new Lookahead<T>() {
            boolean done;

            boolean fetch() {
                if (done || !in.hasNext()) return false;
                T t = in.next();
                if (!predicate.test(t)) {
                    done = true;
                    return false;
                }
                value = t;
                return true;
            }
        });
    }

    public Stream<T> dropWhile(Predicate<? super T> predicate) {
        Iterator<T> in = take();
        return chain(new Lookahead<T>() {
            boolean dropping = true;

            boolean fetch() {
                while (in.hasNext()) {
                    T t = in.next();
                    if (dropping && predicate.test(t)) continue;
                    dropping = false;
                    value = t;
                    return true;
                }
                return false;
            }
        });
    }

    public void forEach(Consumer<? super T> action) {
        Objects.requireNonNull(action);
        Iterator<T> in = take();
        while (in.hasNext()) action.accept(in.next());
    }

    public void forEachOrdered(Consumer<? super T> action) {
        forEach(action);
    }

    public Object[] toArray() {
        ArrayList<T> all = new ArrayList<>();
        forEach(all::add);
        return all.toArray();
    }

    @SuppressWarnings("unchecked")
    public <A> A[] toArray(IntFunction<A[]> generator) {
        Object[] all = toArray();
        A[] out = generator.apply(all.length);
        if (out.length != all.length) throw new IllegalStateException("Begin size " + all.length + " is not equal to fixed size " + out.length);
        System.arraycopy(all, 0, out, 0, all.length);
        return out;
    }

    public T reduce(T identity, BinaryOperator<T> accumulator) {
        T result = identity;
        Iterator<T> in = take();
        while (in.hasNext()) result = accumulator.apply(result, in.next());
        return result;
    }

    public Optional<T> reduce(BinaryOperator<T> accumulator) {
        Iterator<T> in = take();
        if (!in.hasNext()) return Optional.empty();
        T result = in.next();
        while (in.hasNext()) result = accumulator.apply(result, in.next());
        return Optional.of(result);
    }

    public <U> U reduce(U identity, BiFunction<U, ? super T, U> accumulator, BinaryOperator<U> combiner) {
        U result = identity;
        Iterator<T> in = take();
        while (in.hasNext()) result = accumulator.apply(result, in.next());
        return result;
    }

    public <R> R collect(Supplier<R> supplier, BiConsumer<R, ? super T> accumulator, BiConsumer<R, R> combiner) {
        R container = supplier.get();
        Iterator<T> in = take();
        while (in.hasNext()) accumulator.accept(container, in.next());
        return container;
    }

    public <R, A> R collect(Collector<? super T, A, R> collector) {
        A container = collector.supplier().get();
        BiConsumer<A, ? super T> acc = collector.accumulator();
        Iterator<T> in = take();
        while (in.hasNext()) acc.accept(container, in.next());
        return collector.finisher().apply(container);
    }

    @SuppressWarnings("unchecked")
    public List<T> toList() {
        return java.util.Collections.unmodifiableList(new ArrayList<>((List<T>) Arrays.asList(toArray())));
    }

    public Optional<T> min(Comparator<? super T> comparator) {
        return reduce(BinaryOperator.minBy(comparator));
    }

    public Optional<T> max(Comparator<? super T> comparator) {
        return reduce(BinaryOperator.maxBy(comparator));
    }

    public long count() {
        long n = 0;
        Iterator<T> in = take();
        while (in.hasNext()) {
            in.next();
            n++;
        }
        return n;
    }

    public boolean anyMatch(Predicate<? super T> predicate) {
        Iterator<T> in = take();
        while (in.hasNext()) if (predicate.test(in.next())) return true;
        return false;
    }

    public boolean allMatch(Predicate<? super T> predicate) {
        Iterator<T> in = take();
        while (in.hasNext()) if (!predicate.test(in.next())) return false;
        return true;
    }

    public boolean noneMatch(Predicate<? super T> predicate) {
        return !anyMatch(predicate);
    }

    public Optional<T> findFirst() {
        Iterator<T> in = take();
        return in.hasNext() ? Optional.of(in.next()) : Optional.empty();
    }

    public Optional<T> findAny() {
        return findFirst();
    }
}
