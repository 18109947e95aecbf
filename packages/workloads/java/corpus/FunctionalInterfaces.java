import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.BinaryOperator;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntBiFunction;
import java.util.function.UnaryOperator;

/** java.util.function: the standard interfaces and their default/static combinators. */
public class FunctionalInterfaces {
    public static void main(String[] args) {
        Predicate<String> empty = String::isEmpty;
        Predicate<String> longish = s -> s.length() > 3;
        for (String s : new String[] {"", "ab", "abcd"}) {
            System.out.print(empty.negate().test(s) + "," + empty.or(longish).test(s) + "," + empty.negate().and(longish.negate()).test(s) + " ");
        }
        System.out.println(Predicate.isEqual("x").test("x") + " " + Predicate.not(empty).test("") + " " + Predicate.isEqual(null).test(null));
        BiPredicate<Integer, Integer> lt = (a, b) -> a < b;
        System.out.println(lt.test(1, 2) + " " + lt.negate().test(1, 2) + " " + lt.and((a, b) -> b > 5).test(1, 2) + " " + lt.or((a, b) -> true).test(3, 2));
        Consumer<StringBuilder> addA = sb -> sb.append('A');
        Consumer<StringBuilder> addB = sb -> sb.append('B');
        StringBuilder sb = new StringBuilder();
        addA.andThen(addB).andThen(addA).accept(sb);
        System.out.println(sb);
        BiConsumer<String, Integer> printer = (k, v) -> System.out.print(k + "=" + v + " ");
        printer.andThen((k, v) -> System.out.println("(" + k.length() * v + ")")).accept("key", 4);
        BiFunction<Integer, Integer, Integer> mul = (a, b) -> a * b;
        System.out.println(mul.andThen(x -> "product " + x).apply(6, 7));
        BinaryOperator<Integer> minBy = BinaryOperator.minBy(Integer::compare);
        BinaryOperator<String> maxBy = BinaryOperator.maxBy(java.util.Comparator.comparing(String::length));
        System.out.println(minBy.apply(3, -2) + " " + maxBy.apply("aa", "bbb") + " " + maxBy.apply("aa", "bb"));
        UnaryOperator<String> trim = String::trim;
        System.out.println("[" + trim.apply("  t  ") + "] " + UnaryOperator.identity().apply("same"));
        IntUnaryOperator inc = x -> x + 1, dbl = x -> x * 2;
        System.out.println(inc.andThen(dbl).applyAsInt(5) + " " + inc.compose(dbl).applyAsInt(5) + " " + IntUnaryOperator.identity().applyAsInt(9));
        IntPredicate even = x -> x % 2 == 0;
        System.out.println(even.test(4) + " " + even.negate().test(4) + " " + even.and(x -> x > 10).test(12) + " " + even.or(x -> x == 3).test(3));
        IntBinaryOperator pow = (b, e) -> { int r = 1; for (int i = 0; i < e; i++) r *= b; return r; };
        System.out.println(pow.applyAsInt(3, 13));
        DoubleUnaryOperator half = x -> x / 2;
        System.out.println(half.andThen(Math::sqrt).applyAsDouble(32) + " " + half.compose(x -> x + 1).applyAsDouble(3));
        ToIntBiFunction<String, String> cmp = String::compareTo;
        ToDoubleFunction<Integer> toD = Integer::doubleValue;
        System.out.println(cmp.applyAsInt("a", "c") + " " + toD.applyAsDouble(7));
        Supplier<int[]> arr = () -> new int[] {1, 2, 3};
        BooleanSupplier yes = () -> true;
        LongSupplier big = () -> Long.MAX_VALUE;
        System.out.println(arr.get().length + " " + yes.getAsBoolean() + " " + big.getAsLong());
        Function<Integer, Function<Integer, Function<Integer, Integer>>> curried = a -> b -> c -> a * 100 + b * 10 + c;
        System.out.println(curried.apply(1).apply(2).apply(3));
        Function<String, String> chain = Function.<String>identity().andThen(String::toUpperCase).andThen(s -> s + "!").compose(s -> s.substring(1));
        System.out.println(chain.apply("xhello"));
    }
}
