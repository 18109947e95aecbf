import java.util.Arrays;

/** java.lang.String: search, slicing, split on one literal character, case, trim/strip, compare. */
public class StringMethods {
    public static void main(String[] args) {
        String s = "  Hello, World!  ";
        System.out.println("[" + s.trim() + "] [" + s.strip() + "] [" + s.stripLeading() + "] [" + s.stripTrailing() + "]");
        String t = s.trim();
        System.out.println(t.length() + " " + t.charAt(4) + " " + t.indexOf('o') + " " + t.lastIndexOf('o') + " " + t.indexOf("World") + " " + t.indexOf('o', 5));
        System.out.println(t.substring(7) + "|" + t.substring(0, 5) + "|" + t.toUpperCase() + "|" + t.toLowerCase());
        System.out.println(t.startsWith("Hell") + " " + t.endsWith("!") + " " + t.contains("lo, W") + " " + t.isEmpty() + " " + "   ".isBlank());
        System.out.println(t.replace('l', 'L') + " " + t.replace("World", "Strata") + " " + "aaa".replace("a", "ab"));
        System.out.println(Arrays.toString("a,b,,c,,".split(",")));
        System.out.println(Arrays.toString("a,b,,c,,".split(",", -1)));
        System.out.println(Arrays.toString("one two  three".split(" ")));
        System.out.println(Arrays.toString("k1=v1;k2=v2".split(";")));
        System.out.println(String.join("|", "a", "b", "c") + " " + String.join(", ", Arrays.asList("x", "y")));
        System.out.println("apple".compareTo("banana") + " " + "b".compareTo("a") + " " + "abc".compareTo("abcde") + " " + "ABC".compareToIgnoreCase("abd"));
        System.out.println("Straße".length() + " " + "ab".repeat(3) + " " + "".repeat(5).length());
        System.out.println("hello".hashCode() + " " + "".hashCode() + " " + "The quick brown fox".hashCode());
        System.out.println(String.valueOf(12) + String.valueOf('c') + String.valueOf(1.0f) + String.valueOf(false) + String.valueOf(new char[] {'o', 'k'}));
        char[] cs = "chars".toCharArray();
        Arrays.sort(cs);
        System.out.println(new String(cs) + " " + new String(cs, 1, 3) + " " + String.copyValueOf(cs));
        System.out.println("Mississippi".indexOf("ss", 3) + " " + "Mississippi".lastIndexOf("ss") + " " + "Mississippi".indexOf("ss", 6));
        System.out.println("Title".equals("title") + " " + "Title".equalsIgnoreCase("TITLE") + " " + "x".equals(null));
        System.out.println("tab\tnew\\n".length() + " " + "\u0041\u00e9".length());
        System.out.println("%d items".formatted(3));
        System.out.println("racecar".contentEquals(new StringBuilder("racecar").reverse()));
        System.out.println(String.valueOf((Object) null) + " " + "abc".concat("def") + " " + "x".compareTo("xyz"));
        StringBuilder codes = new StringBuilder();
        for (char c : "AZaz09 ~".toCharArray()) codes.append((int) c).append(' ');
        System.out.println(codes.toString().trim());
        System.out.println("abc".regionMatches(1, "xbc", 1, 2) + " " + "Hello".charAt(0) + "ello".substring(1, 1).length());
    }
}
