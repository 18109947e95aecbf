import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Text processing: tokenizing by hand, counting with HashMap.merge, ranking entries, grouping into TreeMap. */
public class WordCount {
    static final String TEXT = """
        It was the best of times, it was the worst of times, it was the age of wisdom,
        it was the age of foolishness, it was the epoch of belief, it was the epoch of
        incredulity, it was the season of Light, it was the season of Darkness, it was
        the spring of hope, it was the winter of despair, we had everything before us,
        we had nothing before us, we were all going direct to Heaven, we were all going
        direct the other way.
        """;

    static List<String> tokenize(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) cur.append(Character.toLowerCase(c));
            else if (cur.length() > 0) { words.add(cur.toString()); cur.setLength(0); }
        }
        if (cur.length() > 0) words.add(cur.toString());
        return words;
    }

    public static void main(String[] args) {
        List<String> words = tokenize(TEXT);
        System.out.println(words.size() + " words");
        Map<String, Integer> counts = new HashMap<>();
        for (String w : words) counts.merge(w, 1, Integer::sum);
        System.out.println(counts.size() + " distinct");
        System.out.println(counts);
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        for (int i = 0; i < 8; i++) System.out.printf("%2d. %-8s %d%n", i + 1, ranked.get(i).getKey(), ranked.get(i).getValue());
        Map<Integer, List<String>> byLength = new TreeMap<>();
        for (String w : counts.keySet()) byLength.computeIfAbsent(w.length(), k -> new ArrayList<>()).add(w);
        for (List<String> group : byLength.values()) group.sort(null);
        System.out.println(byLength);
        Map<Character, Integer> initials = new TreeMap<>();
        for (String w : words) initials.merge(w.charAt(0), 1, Integer::sum);
        System.out.println(initials);
        StringBuilder acronym = new StringBuilder();
        for (String line : TEXT.split("\n")) if (!line.isEmpty()) acronym.append(Character.toUpperCase(line.charAt(0)));
        System.out.println(acronym);
    }
}
