import java.util.*;
/** HashMap buckets that become red-black tree bins (colliding String and record keys): iteration order through treeify, insert, remove, resize. */
public class HashCollisions {
    static List<String> collide(int bits) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < (1 << bits); i++) {
            StringBuilder sb = new StringBuilder();
            for (int b = bits - 1; b >= 0; b--) sb.append(((i >> b) & 1) == 0 ? "Aa" : "BB");
            out.add(sb.toString());
        }
        return out;
    }
    record K(int h, int id) implements Comparable<K> {
        public int hashCode() { return h; }
        public int compareTo(K o) { return Integer.compare(id, o.id); }
    }
    public static void main(String[] a) {
        List<String> keys = collide(5);
        Collections.shuffle(keys, new Random(3));
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) { m.put(keys.get(i), i); if (i % 5 == 4) System.out.println(m.keySet()); }
        for (int i = 0; i < keys.size(); i += 3) { m.remove(keys.get(i)); }
        System.out.println(m);
        for (int i = 0; i < keys.size(); i += 2) m.merge(keys.get(i), 100, Integer::sum);
        System.out.println(m);
        for (int i = 0; i < 200; i++) m.put("k" + i, i);
        System.out.println(m.keySet());
        for (int i = 0; i < 200; i += 2) m.remove("k" + i);
        for (String k : keys) m.remove(k);
        System.out.println(m.keySet());
        Map<K, Integer> km = new HashMap<>();
        Random r = new Random(11);
        for (int i = 0; i < 300; i++) { int id = r.nextInt(400); km.put(new K(id % 3 * 64, id), i); if (r.nextInt(4) == 0) km.remove(new K(r.nextInt(400) % 3 * 64, r.nextInt(400))); }
        StringBuilder sb = new StringBuilder();
        for (K k : km.keySet()) sb.append(k.id()).append(' ');
        System.out.println(km.size() + ": " + sb);
        for (int i = 0; i < 400; i++) if (i % 5 != 0) km.remove(new K(i % 3 * 64, i));
        sb.setLength(0);
        for (K k : km.keySet()) sb.append(k.id()).append(' ');
        System.out.println(km.size() + ": " + sb);
        Map<Integer, String> ints = new HashMap<>();
        for (int i = 0; i < 40; i++) ints.computeIfAbsent(i * 128, x -> "v" + x);
        for (int i = 0; i < 40; i += 3) ints.compute(i * 128 + 64, (x, v) -> "c");
        System.out.println(ints.keySet());
        LinkedHashMap<String, Integer> lhm = new LinkedHashMap<>(16, 0.75f, true);
        for (String k : collide(4)) lhm.put(k, k.length());
        lhm.get("AaAaAaAa"); lhm.remove("BBBBBBBB");
        System.out.println(lhm.keySet());
        Set<String> hs = new HashSet<>(collide(6));
        hs.removeIf(s -> s.startsWith("BBAa"));
        System.out.println(hs.size() + " " + hs);
        HashMap<String, Integer> copy = new HashMap<>(m);
        System.out.println(copy.keySet().equals(m.keySet()) + " " + copy.keySet());
    }
}
