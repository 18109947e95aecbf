import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.Supplier;

/** Lambdas: captures of locals, this and fields; currying; recursion through a field; custom SAMs. */
public class Lambdas {
    interface TriFunction<A, B, C, R> { R apply(A a, B b, C c); }
    interface Counter { int next(); }

    private int base = 10;
    private static Function<Integer, Integer> factorial;

    Supplier<String> describer() { return () -> "base is " + base; }

    static Counter counterFrom(int start) {
        int[] cell = { start };
        return () -> cell[0]++;
    }

    public static void main(String[] args) {
        Function<Integer, Integer> square = x -> x * x;
        Function<Integer, Integer> plusOne = x -> x + 1;
        System.out.println(square.apply(7) + " " + square.andThen(plusOne).apply(3) + " " + square.compose(plusOne).apply(3));
        BiFunction<String, Integer, String> rep = (s, n) -> s.repeat(n);
        System.out.println(rep.apply("ab", 3));
        TriFunction<Integer, Integer, Integer, Integer> mad = (a, b, c) -> a * b + c;
        System.out.println(mad.apply(6, 7, 8));
        Function<Integer, Function<Integer, Integer>> adder = a -> b -> a + b;
        System.out.println(adder.apply(40).apply(2));
        Lambdas l = new Lambdas();
        Supplier<String> d = l.describer();
        l.base = 99;
        System.out.println(d.get());
        Counter c1 = counterFrom(5), c2 = counterFrom(100);
        System.out.println(c1.next() + " " + c1.next() + " " + c2.next() + " " + c1.next());
        factorial = n -> n <= 1 ? 1 : n * factorial.apply(n - 1);
        System.out.println(factorial.apply(10));
        IntBinaryOperator gcd = new IntBinaryOperator() {
            public int applyAsInt(int a, int b) { return b == 0 ? a : applyAsInt(b, a % b); }
        };
        System.out.println(gcd.applyAsInt(1071, 462));
        List<Supplier<Integer>> sups = new ArrayList<>();
        for (int i = 0; i < 5; i++) { int j = i; sups.add(() -> j * 10); }
        StringBuilder sb = new StringBuilder();
        for (Supplier<Integer> s : sups) sb.append(s.get()).append(',');
        System.out.println(sb);
        Runnable r = () -> System.out.println("runnable ran");
        r.run();
        long big = 1L << 40;
        double dd = 0.5;
        char ch = 'q';
        Supplier<String> mixed = () -> big + "/" + dd + "/" + ch;
        System.out.println(mixed.get());
        Function<Object, String> cls = o -> o == null ? "null" : o.getClass().getSimpleName();
        System.out.println(cls.apply(1) + " " + cls.apply("s") + " " + cls.apply(2.0) + " " + cls.apply(null));
        Function<Integer, Integer> id = Function.identity();
        System.out.println(id.apply(123));
    }
}
