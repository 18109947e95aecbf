package java.util.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalDouble;
import java.util.PrimitiveIterator;
import java.util.IntSummaryStatistics;
import java.util.function.BiConsumer;
import java.util.function.IntBinaryOperator;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;
import java.util.function.IntToLongFunction;
import java.util.function.IntToDoubleFunction;

/** A IntStream as a chain of pulling primitive iterators (see ReferencePipeline). */
final class IntPipeline implements IntStream {
    private final PrimitiveIterator.OfInt source;
    private boolean consumed;
    private final List<Runnable> closeHandlers = new ArrayList<>();

    IntPipeline(PrimitiveIterator.OfInt source) {
        this.source = source;
    }

    PrimitiveIterator.OfInt take() {
        if (consumed) throw new IllegalStateException("stream has already been operated upon or closed");
        consumed = true;
        return source;
    }

    /** A primitive iterator computing its next value on demand. */
    abstract static class Ahead implements PrimitiveIterator.OfInt {
        int value;
        private int state;

        abstract boolean fetch();

        public final boolean hasNext() {
            if (state == 0) state = fetch() ? 1 : 2;
            return state == 1;
        }

        public final int nextInt() {
            if (!hasNext()) throw new NoSuchElementException();
            state = 0;
            return value;
        }
    }

    public PrimitiveIterator.OfInt iterator() {
        return take();
    }

    public boolean isParallel() {
        return false;
    }

    public IntStream sequential() {
        return this;
    }

    public IntStream parallel() {
        return this;
    }

    public IntStream unordered() {
        return this;
    }

    public IntStream onClose(Runnable closeHandler) {
        closeHandlers.add(Objects.requireNonNull(closeHandler));
        return this;
    }

    public void close() {
        consumed = true;
        for (Runnable r : closeHandlers) r.run();
        closeHandlers.clear();
    }

    public IntStream filter(IntPredicate predicate) {
        PrimitiveIterator.OfInt in = take();
        return new IntPipeline(new Ahead() {
            boolean fetch() {
                while (in.hasNext()) {
                    int v = in.nextInt();
                    if (predicate.test(v)) {
                        value = v;
                        return true;
                    }
                }
                return false;
            }
        });
    }

    public IntStream map(IntUnaryOperator mapper) {
        PrimitiveIterator.OfInt in = take();
        return new IntPipeline(new PrimitiveIterator.OfInt() {
            public boolean hasNext() { return in.hasNext(); }

            public int nextInt() { return mapper.applyAsInt(in.nextInt()); }
        });
    }

    public <U> Stream<U> mapToObj(IntFunction<? extends U> mapper) {
        PrimitiveIterator.OfInt in = take();
        return new ReferencePipeline<U>(new java.util.Iterator<U>() {
            public boolean hasNext() { return in.hasNext(); }

            public U next() { return mapper.apply(in.nextInt()); }
        });
    }

    public LongStream mapToLong(IntToLongFunction mapper) {
        PrimitiveIterator.OfInt in = take();
        return new LongPipeline(new PrimitiveIterator.OfLong() {
            public boolean hasNext() { return in.hasNext(); }

            public long nextLong() { return mapper.applyAsLong(in.nextInt()); }
        });
    }

    public DoubleStream mapToDouble(IntToDoubleFunction mapper) {
        PrimitiveIterator.OfInt in = take();
        return new DoublePipeline(new PrimitiveIterator.OfDouble() {
            public boolean hasNext() { return in.hasNext(); }

            public double nextDouble() { return mapper.applyAsDouble(in.nextInt()); }
        });
    }

    public IntStream flatMap(IntFunction<? extends IntStream> mapper) {
        PrimitiveIterator.OfInt in = take();
        return new IntPipeline(new Ahead() {
            PrimitiveIterator.OfInt current;

            boolean fetch() {
                for (;;) {
                    if (current != null && current.hasNext()) {
                        value = current.nextInt();
                        return true;
                    }
                    if (!in.hasNext()) return false;
                    IntStream s = mapper.apply(in.nextInt());
                    current = s == null ? null : s.iterator();
                }
            }
        });
    }

    public IntStream distinct() {
        return boxed().distinct().mapToInt(x -> x);
    }

    public IntStream sorted() {
        PrimitiveIterator.OfInt in = take();
        return new IntPipeline(new Ahead() {
            int[] all;
            int i;

            boolean fetch() {
                if (all == null) {
                    all = drain(in);
                    Arrays.sort(all);
                }
                if (i >= all.length) return false;
                value = all[i++];
                return true;
            }
        });
    }

    static int[] drain(PrimitiveIterator.OfInt in) {
        int[] buf = new int[16];
        int n = 0;
        while (in.hasNext()) {
            if (n == buf.length) buf = Arrays.copyOf(buf, n * 2);
            buf[n++] = in.nextInt();
        }
        return Arrays.copyOf(buf, n);
    }

    public IntStream peek(IntConsumer action) {
        PrimitiveIterator.OfInt in = take();
        return new IntPipeline(new PrimitiveIterator.OfInt() {
            public boolean hasNext() { return in.hasNext(); }

            public int nextInt() {
                int v = in.nextInt();
                action.accept(v);
                return v;
            }
        });
    }

    public IntStream limit(long maxSize) {
        if (maxSize < 0) throw new IllegalArgumentException(Long.toString(maxSize));
        PrimitiveIterator.OfInt in = take();
        return new IntPipeline(new PrimitiveIterator.OfInt() {
            long left = maxSize;

            public boolean hasNext() { return left > 0 && in.hasNext(); }

            public int nextInt() {
                if (left <= 0) throw new NoSuchElementException();
                left--;
                return in.nextInt();
            }
        });
    }

    public IntStream skip(long n) {
        if (n < 0) throw new IllegalArgumentException(Long.toString(n));
        PrimitiveIterator.OfInt in = take();
        return new IntPipeline(new Ahead() {
            long toSkip = n;

            boolean fetch() {
                while (toSkip > 0 && in.hasNext()) {
                    in.nextInt();
                    toSkip--;
                }
                if (!in.hasNext()) return false;
                value = in.nextInt();
                return true;
            }
        });
    }

    public IntStream takeWhile(IntPredicate predicate) {
        PrimitiveIterator.OfInt in = take();
        return new IntPipeline(new Ahead() {
            boolean done;

            boolean fetch() {
                if (done || !in.hasNext()) return false;
                int v = in.nextInt();
                if (!predicate.test(v)) {
                    done = true;
                    return false;
                }
                value = v;
                return true;
            }
        });
    }

    public IntStream dropWhile(IntPredicate predicate) {
        PrimitiveIterator.OfInt in = take();
        return new IntPipeline(new Ahead() {
            boolean dropping = true;

            boolean fetch() {
                while (in.hasNext()) {
                    int v = in.nextInt();
                    if (dropping && predicate.test(v)) continue;
                    dropping = false;
                    value = v;
                    return true;
                }
                return false;
            }
        });
    }

    public void forEach(IntConsumer action) {
        PrimitiveIterator.OfInt in = take();
        while (in.hasNext()) action.accept(in.nextInt());
    }

    public void forEachOrdered(IntConsumer action) {
        forEach(action);
    }

    public int[] toArray() {
        return drain(take());
    }

    public int reduce(int identity, IntBinaryOperator op) {
        int r = identity;
        PrimitiveIterator.OfInt in = take();
        while (in.hasNext()) r = op.applyAsInt(r, in.nextInt());
        return r;
    }

    public OptionalInt reduce(IntBinaryOperator op) {
        PrimitiveIterator.OfInt in = take();
        if (!in.hasNext()) return OptionalInt.empty();
        int r = in.nextInt();
        while (in.hasNext()) r = op.applyAsInt(r, in.nextInt());
        return OptionalInt.of(r);
    }

    public <R> R collect(Supplier<R> supplier, ObjIntConsumer<R> accumulator, BiConsumer<R, R> combiner) {
        R container = supplier.get();
        PrimitiveIterator.OfInt in = take();
        while (in.hasNext()) accumulator.accept(container, in.nextInt());
        return container;
    }

    public int sum() {
        int s = 0;
        PrimitiveIterator.OfInt in = take();
        while (in.hasNext()) s += in.nextInt();
        return s;
    }

    public OptionalInt min() {
        return reduce(Math::min);
    }

    public OptionalInt max() {
        return reduce(Math::max);
    }

    public long count() {
        long n = 0;
        PrimitiveIterator.OfInt in = take();
        while (in.hasNext()) {
            in.nextInt();
            n++;
        }
        return n;
    }

    public OptionalDouble average() {
        long count = 0, sum = 0;
        PrimitiveIterator.OfInt in = take();
        while (in.hasNext()) {
            sum += in.nextInt();
            count++;
        }
        return count > 0 ? OptionalDouble.of((double) sum / count) : OptionalDouble.empty();
    }

    public IntSummaryStatistics summaryStatistics() {
        IntSummaryStatistics st = new IntSummaryStatistics();
        forEach(st);
        return st;
    }

    public boolean anyMatch(IntPredicate predicate) {
        PrimitiveIterator.OfInt in = take();
        while (in.hasNext()) if (predicate.test(in.nextInt())) return true;
        return false;
    }

    public boolean allMatch(IntPredicate predicate) {
        PrimitiveIterator.OfInt in = take();
        while (in.hasNext()) if (!predicate.test(in.nextInt())) return false;
        return true;
    }

    public boolean noneMatch(IntPredicate predicate) {
        return !anyMatch(predicate);
    }

    public OptionalInt findFirst() {
        PrimitiveIterator.OfInt in = take();
        return in.hasNext() ? OptionalInt.of(in.nextInt()) : OptionalInt.empty();
    }

    public OptionalInt findAny() {
        return findFirst();
    }

    public LongStream asLongStream() {
        return mapToLong(x -> x);
    }

    public DoubleStream asDoubleStream() {
        return mapToDouble(x -> x);
    }

    public Stream<Integer> boxed() {
        return mapToObj(Integer::valueOf);
    }
}
