import java.util.ArrayList;
import java.util.HashMap;

/** Text blocks (indentation stripping, escapes, trailing spaces) and local variable type inference. */
public class TextBlocksVar {
    public static void main(String[] args) {
        String json = """
            {
              "name": "strata",
              "levels": [1, 2, 3]
            }
            """;
        System.out.print(json);
        String noTrailingNewline = """
            one
              two
            three""";
        System.out.println(noTrailingNewline);
        System.out.println(noTrailingNewline.split("\n").length);
        String escapes = """
            tab\there, quote: \""" end
            joined \
            line; kept space:\s
            """;
        System.out.print(escapes);
        String html = """
                  <p>
                    indented
                  </p>
              """;
        System.out.print(html);
        var list = new ArrayList<String>();
        list.add("var works");
        var map = new HashMap<String, Integer>();
        map.put("k", 7);
        for (var s : list) System.out.println(s);
        for (var e : map.entrySet()) System.out.println(e.getKey() + "=" + e.getValue());
        var n = 10;
        var d = n / 4.0;
        var c = 'c';
        var l = 1L << 33;
        System.out.println(n + " " + d + " " + c + " " + l);
        var arr = new int[] {3, 1, 2};
        var sum = 0;
        for (var x : arr) sum += x;
        System.out.println("sum " + sum);
        System.out.println("""
            formatted %d + %s""".formatted(5, "five"));
        System.out.println("a\tb".length() + " " + json.length());
    }
}
