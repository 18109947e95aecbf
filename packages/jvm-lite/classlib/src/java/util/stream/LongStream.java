package java.util.stream;

import java.util.Iterator;
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
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;
import java.util.function.ObjLongConsumer;
import java.util.function.Supplier;
import java.util.function.LongToIntFunction;
import java.util.function.LongToDoubleFunction;

/** A sequence of long values supporting sequential aggregate operations. */
public interface LongStream extends BaseStream<Long, LongStream> {
    LongStream filter(LongPredicate predicate);

    LongStream map(LongUnaryOperator mapper);

    <U> Stream<U> mapToObj(LongFunction<? extends U> mapper);

    IntStream mapToInt(LongToIntFunction mapper);

    DoubleStream mapToDouble(LongToDoubleFunction mapper);

    LongStream flatMap(LongFunction<? extends LongStream> mapper);

    LongStream distinct();

    LongStream sorted();

    LongStream peek(LongConsumer action);

    LongStream limit(long maxSize);

    LongStream skip(long n);

    LongStream takeWhile(LongPredicate predicate);

    LongStream dropWhile(LongPredicate predicate);

    void forEach(LongConsumer action);

    void forEachOrdered(LongConsumer action);

    long[] toArray();

    long reduce(long identity, LongBinaryOperator op);

    OptionalLong reduce(LongBinaryOperator op);

    <R> R collect(Supplier<R> supplier, ObjLongConsumer<R> accumulator, BiConsumer<R, R> combiner);

    long sum();

    OptionalLong min();

    OptionalLong max();

    long count();

    OptionalDouble average();

    LongSummaryStatistics summaryStatistics();

    boolean anyMatch(LongPredicate predicate);

    boolean allMatch(LongPredicate predicate);

    boolean noneMatch(LongPredicate predicate);

    OptionalLong findFirst();

    OptionalLong findAny();

    DoubleStream asDoubleStream();

    Stream<Long> boxed();

    PrimitiveIterator.OfLong iterator();

    static LongStream empty() {
        return of(new long[0]);
    }

    static LongStream of(long t) {
        return of(new long[] {t});
    }

    static LongStream of(long... values) {
        return java.util.Arrays.stream(values);
    }

    static LongStream iterate(final long seed, final LongUnaryOperator f) {
        Objects.requireNonNull(f);
        return new LongPipeline(new PrimitiveIterator.OfLong() {
            long t;
            boolean started;

            public boolean hasNext() {
                return true;
            }

            public long nextLong() {
                t = started ? f.applyAsLong(t) : seed;
                started = true;
                return t;
            }
        });
    }

    static LongStream iterate(long seed, LongPredicate hasNext, LongUnaryOperator next) {
        Objects.requireNonNull(next);
        Objects.requireNonNull(hasNext);
        return new LongPipeline(new PrimitiveIterator.OfLong() {
            long t;
            boolean started, finished, ready;

            public boolean hasNext() {
                if (finished) return false;
                if (ready) return true;
                long candidate = started ? next.applyAsLong(t) : seed;
                started = true;
                if (!hasNext.test(candidate)) {
                    finished = true;
                    return false;
                }
                t = candidate;
                ready = true;
                return true;
            }

            public long nextLong() {
                if (!hasNext()) throw new NoSuchElementException();
                ready = false;
                return t;
            }
        });
    }

    static LongStream generate(LongSupplier s) {
        Objects.requireNonNull(s);
        return new LongPipeline(new PrimitiveIterator.OfLong() {
            public boolean hasNext() {
                return true;
            }

            public long nextLong() {
                return s.getAsLong();
            }
        });
    }

    static LongStream concat(LongStream a, LongStream b) {
        PrimitiveIterator.OfLong ia = a.iterator();
        PrimitiveIterator.OfLong ib = b.iterator();
        return new LongPipeline(new PrimitiveIterator.OfLong() {
            public boolean hasNext() {
                return ia.hasNext() || ib.hasNext();
            }

            public long nextLong() {
                return ia.hasNext() ? ia.nextLong() : ib.nextLong();
            }
        });
    }

    static LongStream range(long startInclusive, long endExclusive) {
        if (startInclusive >= endExclusive) return empty();
        return rangeClosed(startInclusive, endExclusive - 1);
    }

    static LongStream rangeClosed(long startInclusive, long endInclusive) {
        return new LongPipeline(new PrimitiveIterator.OfLong() {
            long next = startInclusive;
            boolean done = startInclusive > endInclusive;

            public boolean hasNext() {
                return !done;
            }

            public long nextLong() {
                if (done) throw new NoSuchElementException();
                long v = next;
                if (v == endInclusive) done = true;
                else next++;
                return v;
            }
        });
    }
}
