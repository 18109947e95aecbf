import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/** HashMap iteration order under mixed put/remove/compute/merge, presized and copied maps, checked against TreeMap. */
public class HashOrderStress {
    public static void main(String[] args) {
        Random r = new Random(12345);
        Map<Integer, Integer> hm = new HashMap<>();
        Map<Integer, Integer> tm = new TreeMap<>();
        for (int i = 0; i < 3000; i++) {
            int k = r.nextInt(500) - 100;
            int op = r.nextInt(6);
            switch (op) {
                case 0 -> { hm.put(k, i); tm.put(k, i); }
                case 1 -> { hm.remove(k); tm.remove(k); }
                case 2 -> { hm.merge(k, 1, Integer::sum); tm.merge(k, 1, Integer::sum); }
                case 3 -> { hm.computeIfAbsent(k, x -> x * 2); tm.computeIfAbsent(k, x -> x * 2); }
                case 4 -> { hm.compute(k, (x, v) -> v == null ? Integer.valueOf(7) : (v % 2 == 0 ? null : Integer.valueOf(v + 1))); tm.compute(k, (x, v) -> v == null ? Integer.valueOf(7) : (v % 2 == 0 ? null : Integer.valueOf(v + 1))); }
                default -> { hm.putIfAbsent(k, -i); tm.putIfAbsent(k, -i); }
            }
        }
        System.out.println(hm.size() + " " + new TreeMap<>(hm).equals(tm) + " " + hm.equals(tm) + " " + (hm.hashCode() == tm.hashCode()));
        StringBuilder order = new StringBuilder();
        int n = 0;
        for (Integer k : hm.keySet()) { if (n++ < 40) order.append(k).append(' '); }
        System.out.println(order.toString().trim());
        Map<String, Integer> merged = new HashMap<>();
        String[] words = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua ut enim ad minim veniam quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat".split(" ");
        for (String w : words) merged.merge(w, 1, Integer::sum);
        System.out.println(merged);
        Map<String, Integer> put = new HashMap<>();
        for (String w : words) put.put(w, put.getOrDefault(w, 0) + 1);
        System.out.println(put);
        Map<String, Integer> computed = new HashMap<>();
        for (String w : words) computed.computeIfAbsent(w.substring(0, 1), k -> 0);
        System.out.println(computed.keySet());
        System.out.println(new HashMap<>(merged).keySet());
        System.out.println(new HashSet<>(put.keySet()));
        Map<String, Integer> small = new HashMap<>(2);
        for (String w : words) small.put(w, w.length());
        System.out.println(small.keySet());
        Map<String, Integer> big = new HashMap<>(1000);
        for (String w : words) big.put(w, w.length());
        System.out.println(big.keySet());
        Map<String, Integer> sized = new HashMap<>(64, 0.5f);
        sized.putAll(merged);
        System.out.println(sized.keySet());
        Map<String, Integer> grown = new HashMap<>();
        grown.put("seed", 0);
        grown.putAll(merged);
        System.out.println(grown.keySet());
        Set<Long> longs = new HashSet<>();
        for (long v = 1; v < 1L << 50; v = v * 3 + 1) longs.add(v);
        System.out.println(longs);
        Set<String> collide = new HashSet<>();
        String[] parts = {"Aa", "BB"};
        for (int i = 0; i < 8; i++) {
            StringBuilder sb = new StringBuilder();
            for (int b = 2; b >= 0; b--) sb.append(parts[(i >> b) & 1]);
            collide.add(sb.toString());
        }
        collide.add("AaAaAa!");
        System.out.println(collide + " " + "AaAaAa".hashCode() + " " + "BBBBBB".hashCode());
        LinkedHashMap<Integer, Integer> lhm = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) lhm.merge(r.nextInt(20), 1, Integer::sum);
        lhm.keySet().removeIf(k -> k % 5 == 0);
        System.out.println(lhm);
        Map<Double, String> doubles = new HashMap<>();
        for (double d : new double[] {0.0, -0.0, 1.5, Double.NaN, 1e10, -7.25, Double.MIN_VALUE, 100}) doubles.put(d, Double.toString(d));
        System.out.println(doubles);
        Map<Object, Object> mixed = new HashMap<>();
        mixed.put(null, "null key");
        mixed.put("k", null);
        mixed.put('c', 'c');
        mixed.put(3L, 3);
        mixed.put(true, false);
        System.out.println(mixed + " " + mixed.containsValue(null) + " " + mixed.get(null));
    }
}
