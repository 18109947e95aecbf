package java.util.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.OptionalDouble;
import java.util.PrimitiveIterator;
import java.util.LongSummaryStatistics;
import java.util.function.BiConsumer;
import java.util.function.LongBinaryOperator;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import java.util.function.LongUnaryOperator;
import java.util.function.ObjLongConsumer;
import java.util.function.Supplier;
import java.util.function.LongToIntFunction;
import java.util.function.LongToDoubleFunction;

/** A LongStream as a chain of pulling primitive iterators (see ReferencePipeline). */
final class LongPipeline implements LongStream {
    private final PrimitiveIterator.OfLong source;
    private boolean consumed;
    private final List<Runnable> closeHandlers = new ArrayList<>();

    LongPipeline(PrimitiveIterator.OfLong source) {
        this.source = source;
    }

    PrimitiveIterator.OfLong take() {
        if (consumed) throw new IllegalStateException("stream has already been operated upon or closed");
        consumed = true;
        return source;
    }

    /** A primitive iterator computing its next value on demand. */
    abstract static class Ahead implements PrimitiveIterator.OfLong {
        long value;
        private int state;

        abstract boolean fetch();

        public final boolean hasNext() {
            if (state == 0) state = fetch() ? 1 : 2;
            return state == 1;
        }

        public final long nextLong() {
            if (!hasNext()) throw new NoSuchElementException();
            state = 0;
            return value;
        }
    }

    public PrimitiveIterator.OfLong iterator() {
        return take();
    }

    public boolean isParallel() {
        return false;
    }

    public LongStream sequential() {
        return this;
    }

    public LongStream parallel() {
        return this;
    }

    public LongStream unordered() {
        return this;
    }

    public LongStream onClose(Runnable closeHandler) {
        closeHandlers.add(Objects.requireNonNull(closeHandler));
        return this;
    }

    public void close() {
        consumed = true;
        for (Runnable r : closeHandlers) r.run();
        closeHandlers.clear();
    }

    public LongStream filter(LongPredicate predicate) {
        PrimitiveIterator.OfLong in = take();
        return new LongPipeline(new Ahead() {
            boolean fetch() {
                while (in.hasNext()) {
                    long v = in.nextLong();
                    if (predicate.test(v)) {
                        value = v;
                        return true;
                    }
                }
                return false;
            }
        });
    }

    public LongStream map(LongUnaryOperator mapper) {
        PrimitiveIterator.OfLong in = take();
        return new LongPipeline(new PrimitiveIterator.OfLong() {
            public boolean hasNext() { return in.hasNext(); }

            public long nextLong() { return mapper.applyAsLong(in.nextLong()); }
        });
    }

    public <U> Stream<U> mapToObj(LongFunction<? extends U> mapper) {
        PrimitiveIterator.OfLong in = take();
        return new ReferencePipeline<U>(new java.util.Iterator<U>() {
            public boolean hasNext() { return in.hasNext(); }

            public U next() { return mapper.apply(in.nextLong()); }
        });
    }

    public IntStream mapToInt(LongToIntFunction mapper) {
        PrimitiveIterator.OfLong in = take();
        return new IntPipeline(new PrimitiveIterator.OfInt() {
            public boolean hasNext() { return in.hasNext(); }

            public int nextInt() { return mapper.applyAsInt(in.nextLong()); }
        });
    }

    public DoubleStream mapToDouble(LongToDoubleFunction mapper) {
        PrimitiveIterator.OfLong in = take();
        return new DoublePipeline(new PrimitiveIterator.OfDouble() {
            public boolean hasNext() { return in.hasNext(); }

            public double nextDouble() { return mapper.applyAsDouble(in.nextLong()); }
        });
    }

    public LongStream flatMap(LongFunction<? extends LongStream> mapper) {
        PrimitiveIterator.OfLong in = take();
        return new LongPipeline(new Ahead() {
            PrimitiveIterator.OfLong current;

            boolean fetch() {
                for (;;) {
                    if (current != null && current.hasNext()) {
                        value = current.nextLong();
                        return true;
                    }
                    if (!in.hasNext()) return false;
                    LongStream s = mapper.apply(in.nextLong());
                    current = s == null ? null : s.iterator();
                }
            }
        });
    }

    public LongStream distinct() {
        return boxed().distinct().mapToLong(x -> x);
    }

    public LongStream sorted() {
        PrimitiveIterator.OfLong in = take();
        return new LongPipeline(new Ahead() {
            long[] all;
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

    static long[] drain(PrimitiveIterator.OfLong in) {
        long[] buf = new long[16];
        int n = 0;
        while (in.hasNext()) {
            if (n == buf.length) buf = Arrays.copyOf(buf, n * 2);
            buf[n++] = in.nextLong();
        }
        return Arrays.copyOf(buf, n);
    }

    public LongStream peek(LongConsumer action) {
        PrimitiveIterator.OfLong in = take();
        return new LongPipeline(new PrimitiveIterator.OfLong() {
            public boolean hasNext() { return in.hasNext(); }

            public long nextLong() {
                long v = in.nextLong();
                action.accept(v);
                return v;
            }
        });
    }

    public LongStream limit(long maxSize) {
        if (maxSize < 0) throw new IllegalArgumentException(Long.toString(maxSize));
        PrimitiveIterator.OfLong in = take();
        return new LongPipeline(new PrimitiveIterator.OfLong() {
            long left = maxSize;

            public boolean hasNext() { return left > 0 && in.hasNext(); }

            public long nextLong() {
                if (left <= 0) throw new NoSuchElementException();
                left--;
                return in.nextLong();
            }
        });
    }

    public LongStream skip(long n) {
        if (n < 0) throw new IllegalArgumentException(Long.toString(n));
        PrimitiveIterator.OfLong in = take();
        return new LongPipeline(new Ahead() {
            long toSkip = n;

            boolean fetch() {
                while (toSkip > 0 && in.hasNext()) {
                    in.nextLong();
                    toSkip--;
                }
                if (!in.hasNext()) return false;
                value = in.nextLong();
                return true;
            }
        });
    }

    public LongStream takeWhile(LongPredicate predicate) {
        PrimitiveIterator.OfLong in = take();
        return new LongPipeline(new Ahead() {
            boolean done;

            boolean fetch() {
                if (done || !in.hasNext()) return false;
                long v = in.nextLong();
                if (!predicate.test(v)) {
                    done = true;
                    return false;
                }
                value = v;
                return true;
            }
        });
    }

    public LongStream dropWhile(LongPredicate predicate) {
        PrimitiveIterator.OfLong in = take();
        return new LongPipeline(new Ahead() {
            boolean dropping = true;

            boolean fetch() {
                while (in.hasNext()) {
                    long v = in.nextLong();
                    if (dropping && predicate.test(v)) continue;
                    dropping = false;
                    value = v;
                    return true;
                }
                return false;
            }
        });
    }

    public void forEach(LongConsumer action) {
        PrimitiveIterator.OfLong in = take();
        while (in.hasNext()) action.accept(in.nextLong());
    }

    public void forEachOrdered(LongConsumer action) {
        forEach(action);
    }

    public long[] toArray() {
        return drain(take());
    }

    public long reduce(long identity, LongBinaryOperator op) {
        long r = identity;
        PrimitiveIterator.OfLong in = take();
        while (in.hasNext()) r = op.applyAsLong(r, in.nextLong());
        return r;
    }

    public OptionalLong reduce(LongBinaryOperator op) {
        PrimitiveIterator.OfLong in = take();
        if (!in.hasNext()) return OptionalLong.empty();
        long r = in.nextLong();
        while (in.hasNext()) r = op.applyAsLong(r, in.nextLong());
        return OptionalLong.of(r);
    }

    public <R> R collect(Supplier<R> supplier, ObjLongConsumer<R> accumulator, BiConsumer<R, R> combiner) {
        R container = supplier.get();
        PrimitiveIterator.OfLong in = take();
        while (in.hasNext()) accumulator.accept(container, in.nextLong());
        return container;
    }

    public long sum() {
        long s = 0;
        PrimitiveIterator.OfLong in = take();
        while (in.hasNext()) s += in.nextLong();
        return s;
    }

    public OptionalLong min() {
        return reduce(Math::min);
    }

    public OptionalLong max() {
        return reduce(Math::max);
    }

    public long count() {
        long n = 0;
        PrimitiveIterator.OfLong in = take();
        while (in.hasNext()) {
            in.nextLong();
            n++;
        }
        return n;
    }

    public OptionalDouble average() {
        long count = 0, sum = 0;
        PrimitiveIterator.OfLong in = take();
        while (in.hasNext()) {
            sum += in.nextLong();
            count++;
        }
        return count > 0 ? OptionalDouble.of((double) sum / count) : OptionalDouble.empty();
    }

    public LongSummaryStatistics summaryStatistics() {
        LongSummaryStatistics st = new LongSummaryStatistics();
        forEach(st);
        return st;
    }

    public boolean anyMatch(LongPredicate predicate) {
        PrimitiveIterator.OfLong in = take();
        while (in.hasNext()) if (predicate.test(in.nextLong())) return true;
        return false;
    }

    public boolean allMatch(LongPredicate predicate) {
        PrimitiveIterator.OfLong in = take();
        while (in.hasNext()) if (!predicate.test(in.nextLong())) return false;
        return true;
    }

    public boolean noneMatch(LongPredicate predicate) {
        return !anyMatch(predicate);
    }

    public OptionalLong findFirst() {
        PrimitiveIterator.OfLong in = take();
        return in.hasNext() ? OptionalLong.of(in.nextLong()) : OptionalLong.empty();
    }

    public OptionalLong findAny() {
        return findFirst();
    }

    public DoubleStream asDoubleStream() {
        return mapToDouble(x -> x);
    }

    public Stream<Long> boxed() {
        return mapToObj(Long::valueOf);
    }
}
