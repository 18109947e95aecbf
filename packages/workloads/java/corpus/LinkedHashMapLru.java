import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** LinkedHashMap insertion and access order, an LRU cache via removeEldestEntry, LinkedHashSet. */
public class LinkedHashMapLru {
    static class Lru<K, V> extends LinkedHashMap<K, V> {
        final int capacity;
        Lru(int capacity) { super(16, 0.75f, true); this.capacity = capacity; }
        @Override protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            boolean evict = size() > capacity;
            if (evict) System.out.println("  evict " + eldest.getKey() + "=" + eldest.getValue());
            return evict;
        }
    }

    public static void main(String[] args) {
        Map<String, Integer> ins = new LinkedHashMap<>();
        for (String s : new String[] {"zeta", "alpha", "mu", "beta", "omega", "alpha"}) ins.merge(s, 1, Integer::sum);
        System.out.println(ins);
        ins.remove("mu");
        ins.put("mu", 9);
        ins.put("zeta", 0);
        System.out.println(ins + " " + ins.keySet() + " " + ins.values());
        Lru<Integer, String> lru = new Lru<>(3);
        for (int i = 1; i <= 4; i++) lru.put(i, "v" + i);
        lru.get(2);
        lru.put(5, "v5");
        lru.getOrDefault(3, "none");
        lru.put(4, "v4b");
        lru.put(6, "v6");
        System.out.println(lru);
        Set<Character> seen = new LinkedHashSet<>();
        for (char c : "mississippi river".toCharArray()) seen.add(c);
        System.out.println(seen);
        seen.remove('s');
        seen.add('s');
        System.out.println(seen + " " + seen.contains('r') + " " + seen.size());
        LinkedHashMap<Integer, Integer> big = new LinkedHashMap<>();
        for (int i = 0; i < 1000; i++) big.put((i * 7919) % 1000, i);
        int n = 0;
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Integer, Integer> e : big.entrySet()) { if (n++ < 8) sb.append(e).append(' '); }
        System.out.println(sb.toString().trim() + " ... " + big.size());
        Map.Entry<Integer, Integer> first = big.entrySet().iterator().next();
        System.out.println(first.getKey() + " " + first.getValue() + " " + first.hashCode());
    }
}
