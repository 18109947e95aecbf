import java.util.*;
/** java.util.Base64 (basic, URL, MIME; decoding errors) and the legacy Hashtable with its own bucket order. */
public class Base64Hashtable {
    public static void main(String[] a) {
        String[] ins = {"", "f", "fo", "foo", "foob", "fooba", "foobar", "Hello, World! ~~~???>>>", "Strata virtualization laboratory, a very long line that will need wrapping when MIME encoded for sure!!"};
        for (String s : ins) {
            byte[] b = s.getBytes();
            String e = Base64.getEncoder().encodeToString(b), u = Base64.getUrlEncoder().withoutPadding().encodeToString(b), m = Base64.getMimeEncoder().encodeToString(b);
            System.out.println("[" + e + "] [" + u + "] " + new String(Base64.getDecoder().decode(e)).equals(s) + " " + new String(Base64.getUrlDecoder().decode(u)).equals(s) + " " + m.replace("\r\n", "\\r\\n"));
        }
        for (String bad : new String[] {"abc$", "a===", "ab=c", "a", "abcde", "YQ==YQ=="}) {
            try { System.out.println(Arrays.toString(Base64.getDecoder().decode(bad))); } catch (IllegalArgumentException e) { System.out.println("IAE " + e.getMessage()); }
        }
        System.out.println(Arrays.toString(Base64.getMimeDecoder().decode("Zm9v\r\nYmFy!")));
        Hashtable<String, Integer> h = new Hashtable<>();
        for (String w : "the quick brown fox jumps over the lazy dog again and again until the end of time".split(" ")) h.merge(w, 1, Integer::sum);
        System.out.println(h + " " + h.size() + " " + h.get("the") + " " + h.containsKey("fox") + " " + h.contains(2));
        Hashtable<Integer, String> hi = new Hashtable<>();
        for (int i = 0; i < 30; i++) hi.put(i * 7 % 31, "v" + i);
        hi.remove(14);
        System.out.println(hi.keySet() + " " + Collections.list(hi.keys()).size());
        System.out.println(new Hashtable<>(Map.of("a", 1)) + " " + hi.hashCode() + " " + hi.equals(new HashMap<>(hi)));
        try { h.put(null, 1); } catch (NullPointerException e) { System.out.println("NPE key"); }
        try { h.put("x", null); } catch (NullPointerException e) { System.out.println("NPE value"); }
    }
}
