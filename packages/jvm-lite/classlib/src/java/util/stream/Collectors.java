package java.util.stream;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.Iterator;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * The standard collectors. The map-building ones insert into HashMap the way the JDK's do, so the
 * resulting iteration order matches: toMap(k, v) with putIfAbsent (appended to a bucket),
 * toMap(k, v, merge) with merge and groupingBy with computeIfAbsent (inserted at a bucket's head).
 */
public final class Collectors {
    private Collectors() {
    }

    static final class CollectorImpl<T, A, R> implements Collector<T, A, R> {
        private final Supplier<A> supplier;
        private final BiConsumer<A, T> accumulator;
        private final BinaryOperator<A> combiner;
        private final Function<A, R> finisher;
        private final Set<Characteristics> characteristics;

        CollectorImpl(Supplier<A> supplier, BiConsumer<A, T> accumulator, BinaryOperator<A> combiner, Function<A, R> finisher, Set<Characteristics> characteristics) {
            this.supplier = supplier;
            this.accumulator = accumulator;
            this.combiner = combiner;
            this.finisher = finisher;
            this.characteristics = characteristics;
        }

        public BiConsumer<A, T> accumulator() { return accumulator; }

        public Supplier<A> supplier() { return supplier; }

        public BinaryOperator<A> combiner() { return combiner; }

        public Function<A, R> finisher() { return finisher; }

        public Set<Characteristics> characteristics() { return characteristics; }
    }

    @SuppressWarnings("unchecked")
    private static <A, R> Function<A, R> castingIdentity() {
        return i -> (R) i;
    }

    private static <T, A, R> Collector<T, A, R> of(Supplier<A> supplier, BiConsumer<A, T> accumulator, Function<A, R> finisher) {
        return new CollectorImpl<>(supplier, accumulator, (a, b) -> {
            throw new UnsupportedOperationException("parallel streams are not supported by jvm-lite");
        }, finisher, Collections.emptySet());
    }

    public static <T, C extends Collection<T>> Collector<T, ?, C> toCollection(Supplier<C> collectionFactory) {
        return of(collectionFactory, Collection::add, castingIdentity());
    }

    public static <T> Collector<T, ?, List<T>> toList() {
        return of((Supplier<List<T>>) ArrayList::new, List::add, castingIdentity());
    }

    @SuppressWarnings("unchecked")
    public static <T> Collector<T, ?, List<T>> toUnmodifiableList() {
        return of((Supplier<List<T>>) ArrayList::new, List::add, list -> (List<T>) List.of(list.toArray()));
    }

    public static <T> Collector<T, ?, Set<T>> toSet() {
        return of((Supplier<Set<T>>) HashSet::new, Set::add, castingIdentity());
    }

    @SuppressWarnings("unchecked")
    public static <T> Collector<T, ?, Set<T>> toUnmodifiableSet() {
        return of((Supplier<Set<T>>) HashSet::new, Set::add, set -> (Set<T>) Set.of(set.toArray()));
    }

    public static Collector<CharSequence, ?, String> joining() {
        return of(StringBuilder::new, StringBuilder::append, StringBuilder::toString);
    }

    public static Collector<CharSequence, ?, String> joining(CharSequence delimiter) {
        return joining(delimiter, "", "");
    }

    public static Collector<CharSequence, ?, String> joining(CharSequence delimiter, CharSequence prefix, CharSequence suffix) {
        return of(() -> new StringJoiner(delimiter, prefix, suffix), StringJoiner::add, StringJoiner::toString);
    }

    public static <T, U, A, R> Collector<T, ?, R> mapping(Function<? super T, ? extends U> mapper, Collector<? super U, A, R> downstream) {
        BiConsumer<A, ? super U> acc = downstream.accumulator();
        return of(downstream.supplier(), (A r, T t) -> acc.accept(r, mapper.apply(t)), downstream.finisher());
    }

    public static <T, U, A, R> Collector<T, ?, R> flatMapping(Function<? super T, ? extends Stream<? extends U>> mapper, Collector<? super U, A, R> downstream) {
        BiConsumer<A, ? super U> acc = downstream.accumulator();
        return of(downstream.supplier(), (A r, T t) -> {
            try (Stream<? extends U> result = mapper.apply(t)) {
                if (result != null) result.forEach(u -> acc.accept(r, u));
            }
        }, downstream.finisher());
    }

    public static <T, A, R> Collector<T, ?, R> filtering(Predicate<? super T> predicate, Collector<? super T, A, R> downstream) {
        BiConsumer<A, ? super T> acc = downstream.accumulator();
        return of(downstream.supplier(), (A r, T t) -> {
            if (predicate.test(t)) acc.accept(r, t);
        }, downstream.finisher());
    }

    public static <T, A, R, RR> Collector<T, A, RR> collectingAndThen(Collector<T, A, R> downstream, Function<R, RR> finisher) {
        return of(downstream.supplier(), downstream.accumulator(), downstream.finisher().andThen(finisher));
    }

    public static <T> Collector<T, ?, Long> counting() {
        return summingLong(e -> 1L);
    }

    public static <T> Collector<T, ?, Optional<T>> minBy(Comparator<? super T> comparator) {
        return reducing(BinaryOperator.minBy(comparator));
    }

    public static <T> Collector<T, ?, Optional<T>> maxBy(Comparator<? super T> comparator) {
        return reducing(BinaryOperator.maxBy(comparator));
    }

    public static <T> Collector<T, ?, Integer> summingInt(ToIntFunction<? super T> mapper) {
        return of(() -> new int[1], (int[] a, T t) -> a[0] += mapper.applyAsInt(t), a -> a[0]);
    }

    public static <T> Collector<T, ?, Long> summingLong(ToLongFunction<? super T> mapper) {
        return of(() -> new long[1], (long[] a, T t) -> a[0] += mapper.applyAsLong(t), a -> a[0]);
    }

    public static <T> Collector<T, ?, Double> summingDouble(ToDoubleFunction<? super T> mapper) {
        return of(DoubleSummaryStatistics::new, (DoubleSummaryStatistics s, T t) -> s.accept(mapper.applyAsDouble(t)), DoubleSummaryStatistics::getSum);
    }

    public static <T> Collector<T, ?, Double> averagingInt(ToIntFunction<? super T> mapper) {
        return of(() -> new long[2], (long[] a, T t) -> {
            a[0] += mapper.applyAsInt(t);
            a[1]++;
        }, a -> (a[1] == 0) ? 0.0d : (double) a[0] / a[1]);
    }

    public static <T> Collector<T, ?, Double> averagingLong(ToLongFunction<? super T> mapper) {
        return of(() -> new long[2], (long[] a, T t) -> {
            a[0] += mapper.applyAsLong(t);
            a[1]++;
        }, a -> (a[1] == 0) ? 0.0d : (double) a[0] / a[1]);
    }

    public static <T> Collector<T, ?, Double> averagingDouble(ToDoubleFunction<? super T> mapper) {
        return of(DoubleSummaryStatistics::new, (DoubleSummaryStatistics s, T t) -> s.accept(mapper.applyAsDouble(t)), DoubleSummaryStatistics::getAverage);
    }

    public static <T> Collector<T, ?, T> reducing(T identity, BinaryOperator<T> op) {
        return of(() -> {
            Object[] box = new Object[] {identity};
            return box;
        }, (Object[] a, T t) -> a[0] = op.apply(cast(a[0]), t), a -> cast(a[0]));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    public static <T> Collector<T, ?, Optional<T>> reducing(BinaryOperator<T> op) {
        return of(() -> new Object[] {null, Boolean.FALSE}, (Object[] a, T t) -> {
            if (a[1] == Boolean.TRUE) {
                a[0] = op.apply(cast(a[0]), t);
            } else {
                a[0] = t;
                a[1] = Boolean.TRUE;
            }
        }, a -> a[1] == Boolean.TRUE ? Optional.of(cast(a[0])) : Optional.empty());
    }

    public static <T, U> Collector<T, ?, U> reducing(U identity, Function<? super T, ? extends U> mapper, BinaryOperator<U> op) {
        return of(() -> new Object[] {identity}, (Object[] a, T t) -> a[0] = op.apply(cast(a[0]), mapper.apply(t)), a -> cast(a[0]));
    }

    public static <T, K> Collector<T, ?, Map<K, List<T>>> groupingBy(Function<? super T, ? extends K> classifier) {
        return groupingBy(classifier, HashMap::new, toList());
    }

    public static <T, K, A, D> Collector<T, ?, Map<K, D>> groupingBy(Function<? super T, ? extends K> classifier, Collector<? super T, A, D> downstream) {
        return groupingBy(classifier, HashMap::new, downstream);
    }

    @SuppressWarnings("unchecked")
    public static <T, K, D, A, M extends Map<K, D>> Collector<T, ?, M> groupingBy(Function<? super T, ? extends K> classifier, Supplier<M> mapFactory, Collector<? super T, A, D> downstream) {
        Supplier<A> downstreamSupplier = downstream.supplier();
        BiConsumer<A, ? super T> downstreamAccumulator = downstream.accumulator();
        BiConsumer<Map<K, A>, T> accumulator = (m, t) -> {
            K key = Objects.requireNonNull(classifier.apply(t), "element cannot be mapped to a null key");
            A container = m.computeIfAbsent(key, k -> downstreamSupplier.get());
            downstreamAccumulator.accept(container, t);
        };
        Function<Map<K, A>, M> finisher = intermediate -> {
            intermediate.replaceAll((k, v) -> (A) downstream.finisher().apply(v));
            return (M) intermediate;
        };
        return of((Supplier<Map<K, A>>) (Supplier<?>) mapFactory, accumulator, finisher);
    }

    public static <T> Collector<T, ?, Map<Boolean, List<T>>> partitioningBy(Predicate<? super T> predicate) {
        return partitioningBy(predicate, toList());
    }

    public static <T, D, A> Collector<T, ?, Map<Boolean, D>> partitioningBy(Predicate<? super T> predicate, Collector<? super T, A, D> downstream) {
        BiConsumer<A, ? super T> acc = downstream.accumulator();
        return of(() -> new Partition<A>(downstream.supplier().get(), downstream.supplier().get()),
            (Partition<A> p, T t) -> acc.accept(predicate.test(t) ? p.forTrue : p.forFalse, t),
            p -> new Partition<D>(downstream.finisher().apply(p.forFalse), downstream.finisher().apply(p.forTrue)));
    }

    /** The result of partitioningBy: exactly the keys false and true, in that order. */
    private static final class Partition<T> extends AbstractMap<Boolean, T> implements Map<Boolean, T> {
        final T forFalse;
        final T forTrue;

        Partition(T forFalse, T forTrue) {
            this.forFalse = forFalse;
            this.forTrue = forTrue;
        }

        @Override
        public Set<Map.Entry<Boolean, T>> entrySet() {
            return new AbstractSet<Map.Entry<Boolean, T>>() {
                @Override
                public Iterator<Map.Entry<Boolean, T>> iterator() {
                    Map.Entry<Boolean, T> falseEntry = new SimpleImmutableEntry<>(false, forFalse);
                    Map.Entry<Boolean, T> trueEntry = new SimpleImmutableEntry<>(true, forTrue);
                    return List.of(falseEntry, trueEntry).iterator();
                }

                @Override
                public int size() {
                    return 2;
                }
            };
        }
    }

    public static <T, K, U> Collector<T, ?, Map<K, U>> toMap(Function<? super T, ? extends K> keyMapper, Function<? super T, ? extends U> valueMapper) {
        return of((Supplier<Map<K, U>>) HashMap::new, (Map<K, U> map, T element) -> {
            K k = keyMapper.apply(element);
            U v = Objects.requireNonNull(valueMapper.apply(element));
            U u = map.putIfAbsent(k, v);
            if (u != null) throw new IllegalStateException(String.format("Duplicate key %s (attempted merging values %s and %s)", k, u, v));
        }, castingIdentity());
    }

    @SuppressWarnings("unchecked")
    public static <T, K, U> Collector<T, ?, Map<K, U>> toUnmodifiableMap(Function<? super T, ? extends K> keyMapper, Function<? super T, ? extends U> valueMapper) {
        return collectingAndThen(toMap(keyMapper, valueMapper), map -> (Map<K, U>) Map.copyOf(map));
    }

    public static <T, K, U> Collector<T, ?, Map<K, U>> toMap(Function<? super T, ? extends K> keyMapper, Function<? super T, ? extends U> valueMapper, BinaryOperator<U> mergeFunction) {
        return toMap(keyMapper, valueMapper, mergeFunction, HashMap::new);
    }

    public static <T, K, U, M extends Map<K, U>> Collector<T, ?, M> toMap(Function<? super T, ? extends K> keyMapper, Function<? super T, ? extends U> valueMapper, BinaryOperator<U> mergeFunction, Supplier<M> mapFactory) {
        return of(mapFactory, (M map, T element) -> map.merge(keyMapper.apply(element), valueMapper.apply(element), mergeFunction), castingIdentity());
    }

    public static <T> Collector<T, ?, IntSummaryStatistics> summarizingInt(ToIntFunction<? super T> mapper) {
        return of(IntSummaryStatistics::new, (IntSummaryStatistics r, T t) -> r.accept(mapper.applyAsInt(t)), castingIdentity());
    }

    public static <T> Collector<T, ?, LongSummaryStatistics> summarizingLong(ToLongFunction<? super T> mapper) {
        return of(LongSummaryStatistics::new, (LongSummaryStatistics r, T t) -> r.accept(mapper.applyAsLong(t)), castingIdentity());
    }

    public static <T> Collector<T, ?, DoubleSummaryStatistics> summarizingDouble(ToDoubleFunction<? super T> mapper) {
        return of(DoubleSummaryStatistics::new, (DoubleSummaryStatistics r, T t) -> r.accept(mapper.applyAsDouble(t)), castingIdentity());
    }

    public static <T, R1, R2, R> Collector<T, ?, R> teeing(Collector<? super T, ?, R1> downstream1, Collector<? super T, ?, R2> downstream2, BiFunction<? super R1, ? super R2, R> merger) {
        return teeing0(downstream1, downstream2, merger);
    }

    private static <T, A1, A2, R1, R2, R> Collector<T, ?, R> teeing0(Collector<? super T, A1, R1> d1, Collector<? super T, A2, R2> d2, BiFunction<? super R1, ? super R2, R> merger) {
        return of(() -> new Object[] {d1.supplier().get(), d2.supplier().get()}, (Object[] a, T t) -> {
            d1.accumulator().accept(cast(a[0]), t);
            d2.accumulator().accept(cast(a[1]), t);
        }, a -> merger.apply(d1.finisher().apply(cast(a[0])), d2.finisher().apply(cast(a[1]))));
    }
}
