package java.util.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalDouble;
import java.util.PrimitiveIterator;
import java.util.DoubleSummaryStatistics;
import java.util.function.BiConsumer;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleFunction;
import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ObjDoubleConsumer;
import java.util.function.Supplier;
import java.util.function.DoubleToIntFunction;
import java.util.function.DoubleToLongFunction;

/** A DoubleStream as a chain of pulling primitive iterators (see ReferencePipeline). */
final class DoublePipeline implements DoubleStream {
    private final PrimitiveIterator.OfDouble source;
    private boolean consumed;
    private final List<Runnable> closeHandlers = new ArrayList<>();

    DoublePipeline(PrimitiveIterator.OfDouble source) {
        this.source = source;
    }

    PrimitiveIterator.OfDouble take() {
        if (consumed) throw new IllegalStateException("stream has already been operated upon or closed");
        consumed = true;
        return source;
    }

    /** A primitive iterator computing its next value on demand. */
    abstract static class Ahead implements PrimitiveIterator.OfDouble {
        double value;
        private int state;

        abstract boolean fetch();

        public final boolean hasNext() {
            if (state == 0) state = fetch() ? 1 : 2;
            return state == 1;
        }

        public final double nextDouble() {
            if (!hasNext()) throw new NoSuchElementException();
            state = 0;
            return value;
        }
    }

    public PrimitiveIterator.OfDouble iterator() {
        return take();
    }

    public boolean isParallel() {
        return false;
    }

    public DoubleStream sequential() {
        return this;
    }

    public DoubleStream parallel() {
        return this;
    }

    public DoubleStream unordered() {
        return this;
    }

    public DoubleStream onClose(Runnable closeHandler) {
        closeHandlers.add(Objects.requireNonNull(closeHandler));
        return this;
    }

    public void close() {
        consumed = true;
        for (Runnable r : closeHandlers) r.run();
        closeHandlers.clear();
    }

    public DoubleStream filter(DoublePredicate predicate) {
        PrimitiveIterator.OfDouble in = take();
        return new DoublePipeline(new Ahead() {
            boolean fetch() {
                while (in.hasNext()) {
                    double v = in.nextDouble();
                    if (predicate.test(v)) {
                        value = v;
                        return true;
                    }
                }
                return false;
            }
        });
    }

    public DoubleStream map(DoubleUnaryOperator mapper) {
        PrimitiveIterator.OfDouble in = take();
        return new DoublePipeline(new PrimitiveIterator.OfDouble() {
            public boolean hasNext() { return in.hasNext(); }

            public double nextDouble() { return mapper.applyAsDouble(in.nextDouble()); }
        });
    }

    public <U> Stream<U> mapToObj(DoubleFunction<? extends U> mapper) {
        PrimitiveIterator.OfDouble in = take();
        return new ReferencePipeline<U>(new java.util.Iterator<U>() {
            public boolean hasNext() { return in.hasNext(); }

            public U next() { return mapper.apply(in.nextDouble()); }
        });
    }

    public IntStream mapToInt(DoubleToIntFunction mapper) {
        PrimitiveIterator.OfDouble in = take();
        return new IntPipeline(new PrimitiveIterator.OfInt() {
            public boolean hasNext() { return in.hasNext(); }

            public int nextInt() { return mapper.applyAsInt(in.nextDouble()); }
        });
    }

    public LongStream mapToLong(DoubleToLongFunction mapper) {
        PrimitiveIterator.OfDouble in = take();
        return new LongPipeline(new PrimitiveIterator.OfLong() {
            public boolean hasNext() { return in.hasNext(); }

            public long nextLong() { return mapper.applyAsLong(in.nextDouble()); }
        });
    }

    public DoubleStream flatMap(DoubleFunction<? extends DoubleStream> mapper) {
        PrimitiveIterator.OfDouble in = take();
        return new DoublePipeline(new Ahead() {
            PrimitiveIterator.OfDouble current;

            boolean fetch() {
                for (;;) {
                    if (current != null && current.hasNext()) {
                        value = current.nextDouble();
                        return true;
                    }
                    if (!in.hasNext()) return false;
                    DoubleStream s = mapper.apply(in.nextDouble());
                    current = s == null ? null : s.iterator();
                }
            }
        });
    }

    public DoubleStream distinct() {
        return boxed().distinct().mapToDouble(x -> x);
    }

    public DoubleStream sorted() {
        PrimitiveIterator.OfDouble in = take();
        return new DoublePipeline(new Ahead() {
            double[] all;
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

    static double[] drain(PrimitiveIterator.OfDouble in) {
        double[] buf = new double[16];
        int n = 0;
        while (in.hasNext()) {
            if (n == buf.length) buf = Arrays.copyOf(buf, n * 2);
            buf[n++] = in.nextDouble();
        }
        return Arrays.copyOf(buf, n);
    }

    public DoubleStream peek(DoubleConsumer action) {
        PrimitiveIterator.OfDouble in = take();
        return new DoublePipeline(new PrimitiveIterator.OfDouble() {
            public boolean hasNext() { return in.hasNext(); }

            public double nextDouble() {
                double v = in.nextDouble();
                action.accept(v);
                return v;
            }
        });
    }

    public DoubleStream limit(long maxSize) {
        if (maxSize < 0) throw new IllegalArgumentException(Long.toString(maxSize));
        PrimitiveIterator.OfDouble in = take();
        return new DoublePipeline(new PrimitiveIterator.OfDouble() {
            long left = maxSize;

            public boolean hasNext() { return left > 0 && in.hasNext(); }

            public double nextDouble() {
                if (left <= 0) throw new NoSuchElementException();
                left--;
                return in.nextDouble();
            }
        });
    }

    public DoubleStream skip(long n) {
        if (n < 0) throw new IllegalArgumentException(Long.toString(n));
        PrimitiveIterator.OfDouble in = take();
        return new DoublePipeline(new Ahead() {
            long toSkip = n;

            boolean fetch() {
                while (toSkip > 0 && in.hasNext()) {
                    in.nextDouble();
                    toSkip--;
                }
                if (!in.hasNext()) return false;
                value = in.nextDouble();
                return true;
            }
        });
    }

    public DoubleStream takeWhile(DoublePredicate predicate) {
        PrimitiveIterator.OfDouble in = take();
        return new DoublePipeline(new Ahead() {
            boolean done;

            boolean fetch() {
                if (done || !in.hasNext()) return false;
                double v = in.nextDouble();
                if (!predicate.test(v)) {
                    done = true;
                    return false;
                }
                value = v;
                return true;
            }
        });
    }

    public DoubleStream dropWhile(DoublePredicate predicate) {
        PrimitiveIterator.OfDouble in = take();
        return new DoublePipeline(new Ahead() {
            boolean dropping = true;

            boolean fetch() {
                while (in.hasNext()) {
                    double v = in.nextDouble();
                    if (dropping && predicate.test(v)) continue;
                    dropping = false;
                    value = v;
                    return true;
                }
                return false;
            }
        });
    }

    public void forEach(DoubleConsumer action) {
        PrimitiveIterator.OfDouble in = take();
        while (in.hasNext()) action.accept(in.nextDouble());
    }

    public void forEachOrdered(DoubleConsumer action) {
        forEach(action);
    }

    public double[] toArray() {
        return drain(take());
    }

    public double reduce(double identity, DoubleBinaryOperator op) {
        double r = identity;
        PrimitiveIterator.OfDouble in = take();
        while (in.hasNext()) r = op.applyAsDouble(r, in.nextDouble());
        return r;
    }

    public OptionalDouble reduce(DoubleBinaryOperator op) {
        PrimitiveIterator.OfDouble in = take();
        if (!in.hasNext()) return OptionalDouble.empty();
        double r = in.nextDouble();
        while (in.hasNext()) r = op.applyAsDouble(r, in.nextDouble());
        return OptionalDouble.of(r);
    }

    public <R> R collect(Supplier<R> supplier, ObjDoubleConsumer<R> accumulator, BiConsumer<R, R> combiner) {
        R container = supplier.get();
        PrimitiveIterator.OfDouble in = take();
        while (in.hasNext()) accumulator.accept(container, in.nextDouble());
        return container;
    }

    public double sum() {
        return summaryStatistics().getSum();
    }

    public OptionalDouble min() {
        return reduce(Math::min);
    }

    public OptionalDouble max() {
        return reduce(Math::max);
    }

    public long count() {
        long n = 0;
        PrimitiveIterator.OfDouble in = take();
        while (in.hasNext()) {
            in.nextDouble();
            n++;
        }
        return n;
    }

    public OptionalDouble average() {
        DoubleSummaryStatistics st = summaryStatistics();
        return st.getCount() > 0 ? OptionalDouble.of(st.getAverage()) : OptionalDouble.empty();
    }

    public DoubleSummaryStatistics summaryStatistics() {
        DoubleSummaryStatistics st = new DoubleSummaryStatistics();
        forEach(st);
        return st;
    }

    public boolean anyMatch(DoublePredicate predicate) {
        PrimitiveIterator.OfDouble in = take();
        while (in.hasNext()) if (predicate.test(in.nextDouble())) return true;
        return false;
    }

    public boolean allMatch(DoublePredicate predicate) {
        PrimitiveIterator.OfDouble in = take();
        while (in.hasNext()) if (!predicate.test(in.nextDouble())) return false;
        return true;
    }

    public boolean noneMatch(DoublePredicate predicate) {
        return !anyMatch(predicate);
    }

    public OptionalDouble findFirst() {
        PrimitiveIterator.OfDouble in = take();
        return in.hasNext() ? OptionalDouble.of(in.nextDouble()) : OptionalDouble.empty();
    }

    public OptionalDouble findAny() {
        return findFirst();
    }

    public Stream<Double> boxed() {
        return mapToObj(Double::valueOf);
    }
}
