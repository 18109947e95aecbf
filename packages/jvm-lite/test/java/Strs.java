import java.util.*;

/** String API, StringBuilder, regex split/replace, switch on strings, string concat recipes. */
public class Strs {
    enum Color { RED, GREEN, BLUE }
    public static void main(String[] args) {
        String s = "  Hello, World! Hello!  ";
        System.out.println(s.trim() + "|" + s.strip() + "|" + s.toUpperCase() + "|" + s.toLowerCase() + "|" + s.length());
        System.out.println(s.indexOf("Hello") + " " + s.lastIndexOf("Hello") + " " + s.indexOf('o', 10) + " " + s.contains("World") + " " + s.charAt(4));
        System.out.println(s.replace("Hello", "Bye") + "|" + s.replace('l', 'L') + "|" + s.trim().substring(7, 12) + "|" + "ab".repeat(3) + "|" + String.join("-", "a", "b", "c"));
        System.out.println(Arrays.toString("a,b,,c,,".split(",")) + Arrays.toString("a,b,,c,,".split(",", -1)) + Arrays.toString(" x  y z ".trim().split("\\s+")) + Arrays.toString("a1b22c333".split("\\d+")));
        System.out.println("x1y22z".replaceAll("[0-9]+", "#") + " " + "aaa".replaceFirst("a", "b") + " " + "hello world".replaceAll("(\\w+) (\\w+)", "$2 $1") + " " + "abc".matches("[a-c]+"));
        System.out.println("Hello".hashCode() + " " + "".hashCode() + " " + "abc".compareTo("abd") + " " + "B".compareToIgnoreCase("a") + " " + "AbC".equalsIgnoreCase("aBc"));
        StringBuilder sb = new StringBuilder("abc");
        sb.insert(0, 12).append(3.5f).append('x').append(true).append((Object) null).reverse().setCharAt(0, 'Z');
        sb.deleteCharAt(1).replace(0, 2, "__");
        System.out.println(sb + " " + sb.length() + " " + sb.indexOf("c"));
        char c = 'x'; int i = 7; long l = 1L << 40; double d = 1.0 / 3; float f = 2.5f; boolean b = true; Object o = null; Color col = Color.GREEN;
        System.out.println("c=" + c + " i=" + i + " l=" + l + " d=" + d + " f=" + f + " b=" + b + " o=" + o + " col=" + col + " " + col.ordinal() + " " + Color.valueOf("BLUE").compareTo(col));
        for (String k : new String[] { "alpha", "beta", "gamma", "other" }) {
            switch (k) {
                case "alpha": System.out.print("A"); break;
                case "beta": System.out.print("B"); break;
                case "gamma": System.out.print("G"); break;
                default: System.out.print("?");
            }
        }
        System.out.println();
        System.out.println(String.valueOf(new char[] { 'h', 'i' }) + " " + "abc".codePointAt(1) + " " + new String(new byte[] { 104, 105 }) + " " + "é€".getBytes().length + " " + "x".isEmpty() + " " + " ".isBlank());
        System.out.println(String.format("%d %5s|%-5s|%x %.3f %08.2f %,d %b %c %e %10.4e %%", 42, "ab", "cd", 255, Math.PI, -3.14159, 1234567, true, 'q', 12345.678, 0.000123456));
        try { "abc".substring(2, 1); } catch (StringIndexOutOfBoundsException e) { System.out.println(e.getMessage()); }
        try { "abc".charAt(3); } catch (StringIndexOutOfBoundsException e) { System.out.println(e.getMessage()); }
    }
}
