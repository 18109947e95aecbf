import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedList;
import java.util.List;
import java.util.Random;

/** Sorting at scale: every primitive array type, NaN and signed zeros, stability of object sorts, searches. */
public class SortStress {
    record Item(int key, int seq) {}

    static long checksum(long[] a) {
        long h = 1;
        for (long v : a) h = h * 1000003 + v;
        return h;
    }

    public static void main(String[] args) {
        Random r = new Random(2718);
        for (int n : new int[] {0, 1, 2, 7, 31, 47, 286, 1000, 5000}) {
            int[] ints = new int[n];
            long[] longs = new long[n];
            short[] shorts = new short[n];
            char[] chars = new char[n];
            byte[] bytes = new byte[n];
            for (int i = 0; i < n; i++) {
                ints[i] = r.nextInt(n + 1) - n / 2;
                longs[i] = r.nextLong();
                shorts[i] = (short) r.nextInt();
                chars[i] = (char) r.nextInt(128);
                bytes[i] = (byte) r.nextInt();
            }
            Arrays.sort(ints);
            Arrays.sort(longs);
            Arrays.sort(shorts);
            Arrays.sort(chars);
            Arrays.sort(bytes);
            boolean ok = true;
            for (int i = 1; i < n; i++) ok &= ints[i - 1] <= ints[i] && longs[i - 1] <= longs[i] && shorts[i - 1] <= shorts[i] && chars[i - 1] <= chars[i] && bytes[i - 1] <= bytes[i];
            long h = 0;
            for (int v : ints) h = h * 31 + v;
            System.out.println("n=" + n + " sorted=" + ok + " " + h + " " + (n > 0 ? longs[0] + " " + longs[n - 1] + " " + (int) chars[n / 2] + " " + bytes[n / 3] : "-") + " " + checksum(longs) % 1000);
            if (n > 0) {
                int probe = ints[n / 2];
                System.out.println("  search " + probe + " -> " + Arrays.binarySearch(ints, probe) + ", missing -> " + Arrays.binarySearch(ints, n * 10) + " " + Arrays.binarySearch(ints, -n * 10));
            }
        }
        double[] ds = new double[200];
        for (int i = 0; i < ds.length; i++) {
            int kind = r.nextInt(10);
            ds[i] = kind == 0 ? Double.NaN : kind == 1 ? -0.0 : kind == 2 ? 0.0 : kind == 3 ? Double.NEGATIVE_INFINITY : (r.nextDouble() - 0.5) * 100;
        }
        Arrays.sort(ds);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ds.length; i += 9) sb.append(ds[i]).append(' ');
        System.out.println(sb.toString().trim());
        System.out.println(Arrays.binarySearch(ds, -0.0) + " " + Arrays.binarySearch(ds, 0.0) + " " + Arrays.binarySearch(ds, Double.NaN));
        float[] fs = {3f, Float.NaN, -0f, 0f, -1f, Float.NaN, -0f, Float.MIN_VALUE};
        Arrays.sort(fs);
        System.out.println(Arrays.toString(fs));
        Item[] items = new Item[1000];
        for (int i = 0; i < items.length; i++) items[i] = new Item(r.nextInt(10), i);
        Item[] copy = items.clone();
        Arrays.sort(copy, Comparator.comparingInt(Item::key));
        boolean stable = true;
        for (int i = 1; i < copy.length; i++) if (copy[i - 1].key() == copy[i].key() && copy[i - 1].seq() > copy[i].seq()) stable = false;
        System.out.println("stable " + stable + " first " + copy[0] + " last " + copy[999]);
        List<Item> list = new ArrayList<>(Arrays.asList(items));
        list.sort(Comparator.comparingInt(Item::key).reversed());
        List<Item> linked = new LinkedList<>(Arrays.asList(items));
        Collections.sort(linked, Comparator.comparingInt((Item it) -> it.key() % 3).thenComparingInt(Item::key));
        System.out.println(list.get(0) + " " + list.get(500) + " " + linked.get(0) + " " + linked.get(999));
        String[] words = new String[300];
        for (int i = 0; i < words.length; i++) {
            char[] w = new char[1 + r.nextInt(6)];
            for (int j = 0; j < w.length; j++) w[j] = (char) ((r.nextBoolean() ? 'a' : 'A') + r.nextInt(4));
            words[i] = new String(w);
        }
        String[] nat = words.clone();
        Arrays.sort(nat);
        String[] ci = words.clone();
        Arrays.sort(ci, String.CASE_INSENSITIVE_ORDER);
        String[] len = words.clone();
        Arrays.sort(len, Comparator.comparing(String::length).thenComparing(Comparator.reverseOrder()));
        System.out.println(String.join(",", Arrays.copyOfRange(nat, 0, 12)) + " | " + String.join(",", Arrays.copyOfRange(ci, 100, 112)) + " | " + String.join(",", Arrays.copyOfRange(len, 290, 300)));
        System.out.println(Arrays.binarySearch(nat, "Abc") + " " + Arrays.binarySearch(ci, "bad", String.CASE_INSENSITIVE_ORDER) + " " + Collections.binarySearch(Arrays.asList(nat), "cc"));
        Integer[] boxed = new Integer[50];
        for (int i = 0; i < boxed.length; i++) boxed[i] = r.nextInt(30);
        Arrays.sort(boxed, 10, 40, Collections.reverseOrder());
        System.out.println(Arrays.toString(boxed));
        long[] part = new long[20];
        for (int i = 0; i < part.length; i++) part[i] = 20 - i;
        Arrays.sort(part, 5, 15);
        System.out.println(Arrays.toString(part));
        try {
            Arrays.sort(new int[3], 2, 1);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
        try {
            Arrays.sort(new int[3], 0, 4);
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println(e.getMessage());
        }
        try {
            Arrays.copyOfRange(new int[3], 2, 1);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
    }
}
