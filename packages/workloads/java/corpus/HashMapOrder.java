import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** HashMap: iteration order from the hash spreading and table resizes, null keys, views, compute family. */
public class HashMapOrder {
    static final class BadHash {
        final int id;
        BadHash(int id) { this.id = id; }
        @Override public int hashCode() { return id % 3; }
        @Override public boolean equals(Object o) { return o instanceof BadHash b && b.id == id; }
        @Override public String toString() { return "B" + id; }
    }

    public static void main(String[] args) {
        Map<String, Integer> m = new HashMap<>();
        String[] words = {"zeta", "alpha", "mu", "beta", "omega", "gamma", "pi", "delta", "epsilon", "rho", "sigma", "tau", "chi", "psi", "nu", "xi", "eta", "theta", "iota", "kappa", "lambda"};
        for (int i = 0; i < words.length; i++) {
            m.put(words[i], i);
            if (i == 5 || i == 12 || i == 20) System.out.println(m);
        }
        System.out.println(m.keySet());
        System.out.println(m.values());
        Map<Integer, String> ints = new HashMap<>();
        int[] keys = {100, 3, 17, -5, 64, 1 << 16, 65537, 33, 1, 0, -1, 1000000, 16, 32, 48};
        for (int k : keys) ints.put(k, "v" + k);
        System.out.println(ints);
        m.put(null, -1);
        m.put("alpha", 100);
        System.out.println(m.get(null) + " " + m.get("alpha") + " " + m.get("missing") + " " + m.getOrDefault("missing", 7) + " " + m.containsKey(null) + " " + m.containsValue(100));
        m.remove("mu");
        m.remove(null);
        System.out.println(m.size() + " " + m);
        m.putIfAbsent("alpha", 5);
        m.putIfAbsent("new", 5);
        m.compute("beta", (k, v) -> v == null ? 1 : v * 1000);
        m.computeIfAbsent("fresh", k -> k.length());
        m.computeIfPresent("zeta", (k, v) -> null);
        m.merge("pi", 10, Integer::sum);
        m.merge("pie", 10, Integer::sum);
        System.out.println(m);
        Iterator<Map.Entry<String, Integer>> it = m.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Integer> e = it.next();
            if (e.getValue() % 2 == 0) it.remove();
            else e.setValue(e.getValue() + 1);
        }
        System.out.println(m);
        m.keySet().remove("tau");
        m.values().remove(17);
        System.out.println(m + " " + m.hashCode());
        Map<BadHash, Integer> bad = new HashMap<>();
        for (int i = 20; i >= 0; i--) bad.put(new BadHash(i), i);
        System.out.println(bad);
        bad.remove(new BadHash(9));
        System.out.println(bad.get(new BadHash(10)) + " " + bad.size());
        Map<Character, Integer> freq = new HashMap<>();
        for (char c : "the quick brown fox jumps over the lazy dog".toCharArray()) freq.merge(c, 1, Integer::sum);
        System.out.println(freq);
        Map<Long, Double> ld = new HashMap<>();
        for (long k = -3; k <= 3; k++) ld.put(k * 1000000007L, k / 4.0);
        System.out.println(ld);
        Map<String, Integer> copy = new HashMap<>(m);
        System.out.println(copy.equals(m) + " " + copy);
        HashMap<Integer, Integer> grow = new HashMap<>();
        for (int i = 0; i < 100; i += 7) grow.put(i * 31, i);
        System.out.println(grow.keySet());
        grow.replaceAll((k, v) -> v * 2);
        grow.forEach((k, v) -> { if (k % 2 == 0) System.out.print(k + ":" + v + " "); });
        System.out.println();
        System.out.println(new HashMap<>().isEmpty() + " " + new HashMap<String, String>() + " " + Map.entry("k", "v"));
    }
}
