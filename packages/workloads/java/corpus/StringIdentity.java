/** String identity: literals are interned, compile-time constants fold, runtime concatenation does not, intern(). */
public class StringIdentity {
    static final String CONST = "ab";
    static String nonConst = "ab";

    public static void main(String[] args) {
        String a = "abc";
        String b = "abc";
        String c = new String("abc");
        String d = "ab" + "c";
        String e = CONST + "c";
        String f = nonConst + "c";
        final String localConst = "ab";
        String g = localConst + "c";
        System.out.println((a == b) + " " + (a == c) + " " + (a == d) + " " + (a == e) + " " + (a == f) + " " + (a == g));
        System.out.println((a == c.intern()) + " " + (a == f.intern()) + " " + a.equals(c) + " " + (c == c.intern()));
        // A string no JDK class holds as a constant: whether "java" is already interned depends on the JDK.
        String h = new StringBuilder("strata-").append("interned").toString();
        System.out.println((h.intern() == h) + " " + (h.intern() == "strata-interned"));
        String s1 = String.valueOf(12);
        String s2 = "1" + "2";
        System.out.println((s1 == s2) + " " + s1.equals(s2) + " " + (s1.intern() == s2));
        System.out.println(("a" + 1 + 2) + " " + ('a' + 1 + 2) + " " + (1 + 2 + "a") + " " + ("" + 'a' + 'b') + " " + ('a' + 'b' + ""));
        String empty = "";
        System.out.println((empty == "") + " " + ("" + "" == "") + " " + (new String() == "") + " " + "".isEmpty());
        String sub = "hello world".substring(0, 5);
        System.out.println((sub == "hello") + " " + (sub.intern() == "hello") + " " + ("hello".substring(0) == "hello"));
        System.out.println(a.hashCode() == c.hashCode());
    }
}
