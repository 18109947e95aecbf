import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** java.util.Arrays: sort (primitive, object, stable with comparators, ranges), search, fill, copy, equals, hash. */
public class ArraysOps {
    record Card(String suit, int rank) {}

    public static void main(String[] args) {
        int[] a = {5, -2, 9, 0, 9, 3, -7, 1, 8, 2};
        int[] copy = a.clone();
        Arrays.sort(a);
        System.out.println(Arrays.toString(a) + " " + Arrays.toString(copy));
        System.out.println(Arrays.binarySearch(a, 3) + " " + Arrays.binarySearch(a, 4) + " " + Arrays.binarySearch(a, -100) + " " + Arrays.binarySearch(a, 100));
        Arrays.sort(copy, 2, 7);
        System.out.println(Arrays.toString(copy));
        double[] d = {3.5, -0.0, 0.0, Double.NaN, -1e300, Double.NEGATIVE_INFINITY, 2.0};
        Arrays.sort(d);
        System.out.println(Arrays.toString(d));
        long[] l = {Long.MAX_VALUE, 0, Long.MIN_VALUE, -1};
        Arrays.sort(l);
        char[] c = "sorting".toCharArray();
        Arrays.sort(c);
        byte[] b = {127, -128, 0, -1, 1};
        Arrays.sort(b);
        System.out.println(Arrays.toString(l) + " " + new String(c) + " " + Arrays.toString(b));
        String[] s = {"pear", "Fig", "apple", "banana", "cherry", "date", "Elder"};
        Arrays.sort(s);
        System.out.println(Arrays.toString(s));
        Arrays.sort(s, String.CASE_INSENSITIVE_ORDER);
        System.out.println(Arrays.toString(s));
        Arrays.sort(s, Comparator.comparingInt(String::length));
        System.out.println("stable by length " + Arrays.toString(s));
        Card[] deck = new Card[40];
        String[] suits = {"S", "H", "D", "C"};
        for (int i = 0; i < 40; i++) deck[i] = new Card(suits[(i * 7) % 4], (i * 13) % 10);
        Arrays.sort(deck, Comparator.comparingInt(Card::rank));
        StringBuilder sb = new StringBuilder();
        for (Card k : deck) sb.append(k.rank()).append(k.suit()).append(' ');
        System.out.println(sb.toString().trim());
        Integer[] boxed = new Integer[300];
        for (int i = 0; i < boxed.length; i++) boxed[i] = (i * 7919) % 301;
        Arrays.sort(boxed, Comparator.reverseOrder());
        System.out.println(boxed[0] + " " + boxed[1] + " " + boxed[150] + " " + boxed[299]);
        int[] filled = new int[6];
        Arrays.fill(filled, 7);
        Arrays.fill(filled, 1, 3, -1);
        System.out.println(Arrays.toString(filled));
        int[] grown = Arrays.copyOf(a, 13);
        int[] shrunk = Arrays.copyOf(a, 3);
        int[] range = Arrays.copyOfRange(a, 2, 5);
        String[] sg = Arrays.copyOf(new String[] {"x"}, 3);
        System.out.println(Arrays.toString(grown) + " " + Arrays.toString(shrunk) + " " + Arrays.toString(range) + " " + Arrays.toString(sg));
        System.out.println(Arrays.equals(a, a.clone()) + " " + Arrays.equals(a, copy) + " " + Arrays.hashCode(new int[] {1, 2, 3}) + " " + Arrays.hashCode(new String[] {"a", null}) + " " + Arrays.hashCode((int[]) null));
        System.out.println(Arrays.hashCode(new double[] {1.5, -0.0}) + " " + Arrays.hashCode(new long[] {1L << 40}) + " " + Arrays.hashCode(new boolean[] {true, false}));
        int[][] grid = {{1, 2}, {3}, {}};
        Object[] deep = {1, new int[] {2, 3}, new String[] {"s"}, new Object[] {new double[] {1.0}, null}, "x"};
        System.out.println(Arrays.deepToString(grid) + " " + Arrays.deepToString(deep));
        System.out.println(Arrays.deepEquals(new int[][] {{1}}, new int[][] {{1}}) + " " + Arrays.equals(new int[][] {{1}}, new int[][] {{1}}) + " " + Arrays.deepHashCode(grid));
        List<String> asList = Arrays.asList("x", "y", "z");
        asList.set(1, "Y");
        System.out.println(asList + " " + asList.size() + " " + asList.indexOf("z"));
        try {
            asList.add("w");
        } catch (UnsupportedOperationException e) {
            System.out.println("asList is fixed-size");
        }
        System.out.println(Arrays.toString((int[]) null) + " " + Arrays.toString(new boolean[] {true}) + " " + Arrays.toString(new float[] {1.5f, 2f}) + " " + Arrays.toString(new Object[0]));
        int[] big = new int[100000];
        int x = 1;
        for (int i = 0; i < big.length; i++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; big[i] = x; }
        Arrays.sort(big);
        long chk = 0;
        for (int i = 0; i < big.length; i += 1000) chk = chk * 31 + big[i];
        System.out.println("big sort " + big[0] + " " + big[big.length - 1] + " " + chk);
        Arrays.setAll(filled, i -> i * i);
        System.out.println(Arrays.toString(filled) + " " + Arrays.compare(new int[] {1, 2}, new int[] {1, 3}) + " " + Arrays.mismatch(new int[] {1, 2, 3}, new int[] {1, 2, 4}));
        String[] objs = {"c", "a", "b"};
        Arrays.sort(objs, 0, 2);
        System.out.println(Arrays.toString(objs) + " " + Arrays.binarySearch(new String[] {"a", "c", "e"}, "d"));
    }
}
