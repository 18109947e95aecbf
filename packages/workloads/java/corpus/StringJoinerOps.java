import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** StringJoiner: delimiters, prefix/suffix, empty value, merge; String.join over iterables. */
public class StringJoinerOps {
    public static void main(String[] args) {
        StringJoiner j = new StringJoiner(", ", "{", "}");
        System.out.println(j + " " + j.length());
        j.setEmptyValue("EMPTY");
        System.out.println(j);
        j.add("a").add("b").add(null);
        System.out.println(j + " " + j.length());
        StringJoiner k = new StringJoiner("-");
        k.add("x").add("y");
        j.merge(k);
        System.out.println(j);
        StringJoiner empty = new StringJoiner("/", "<", ">");
        j.merge(empty);
        System.out.println(j + " " + new StringJoiner(":").add("").add("") + " " + empty);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 5; i++) parts.add("p" + i);
        System.out.println(String.join(" + ", parts));
        StringJoiner csv = new StringJoiner(",");
        for (int i = 1; i <= 10; i++) csv.add(Integer.toString(i * i));
        System.out.println(csv);
    }
}
