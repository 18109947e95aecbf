import java.io.*;
import java.util.*;
/** java.util.Properties: the .properties format (comments, continuations, escapes), defaults, list() and iteration order. */
public class PropertiesFormat {
    public static void main(String[] a) throws IOException {
        Properties defaults = new Properties();
        defaults.setProperty("color", "blue");
        defaults.setProperty("size", "medium");
        Properties p = new Properties(defaults);
        p.load(new StringReader("# comment\n! another\nname = Strata\nversion:17\nempty\npath=/usr/local/\\\n    bin\nunicode=\\u0041BC\nkey\\ with\\ spaces = v\\tx\nlong=" + "x".repeat(50) + "\n  indented = yes\ncolor=red\n"));
        System.out.println(p);
        System.out.println(p.getProperty("name") + " " + p.getProperty("size") + " " + p.getProperty("missing", "dflt") + " [" + p.getProperty("empty") + "] " + p.getProperty("path") + " " + (int) p.getProperty("unicode").charAt(0) + " [" + p.getProperty("key with spaces") + "]");
        System.out.println(p.stringPropertyNames());
        p.list(System.out);
        for (int i = 0; i < 30; i++) p.setProperty("k" + i, "v" + i);
        System.out.println(p.keySet());
        System.out.println(p.size() + " " + p.containsKey("k7") + " " + p.remove("k7") + " " + p.size());
        Enumeration<?> names = p.propertyNames();
        int n = 0;
        while (names.hasMoreElements()) { names.nextElement(); n++; }
        System.out.println(n);
    }
}
