/** StringBuilder: append of every type, insert, delete, reverse, replace, setLength. */
public class StringBuilderOps {
    public static void main(String[] args) {
        StringBuilder sb = new StringBuilder();
        sb.append(1).append('-').append(2L).append('/').append(1.5f).append('/').append(2.25).append(true).append((String) null).append((Object) null);
        sb.append(new char[] {'x', 'y'}).append("abcdef", 2, 4);
        System.out.println(sb + " len " + sb.length());
        sb.insert(0, "[").append(']').insert(3, 99);
        System.out.println(sb);
        sb.delete(1, 4).deleteCharAt(0);
        System.out.println(sb);
        sb.replace(0, 3, "REPLACED");
        System.out.println(sb + " " + sb.indexOf("true") + " " + sb.lastIndexOf("/") + " " + sb.indexOf("zzz"));
        sb.setCharAt(0, 'r');
        sb.setLength(8);
        System.out.println(sb + " " + sb.charAt(7));
        System.out.println(new StringBuilder("stressed").reverse());
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 1000; i++) big.append(i % 10);
        System.out.println(big.length() + " " + big.substring(995) + " " + big.subSequence(10, 15));
        StringBuilder z = new StringBuilder("0123456789");
        z.setLength(3);
        z.setLength(5);
        System.out.println(z.toString().replace('\0', '_') + " " + z.length());
        System.out.println(new StringBuilder().append(Integer.MIN_VALUE).append(Long.MAX_VALUE).append(-0.0).append(Double.NaN));
        String s = "";
        for (int i = 0; i < 5; i++) s += i;
        System.out.println(s);
        StringBuilder cmp = new StringBuilder("abc");
        System.out.println(cmp.compareTo(new StringBuilder("abd")) + " " + "abc".contentEquals(cmp));
        StringBuilder ins = new StringBuilder("ac");
        ins.insert(1, 'b').insert(3, 4.5).insert(0, false);
        System.out.println(ins);
        System.out.println(new StringBuilder("hello").insert(5, new char[] {'!', '?'}));
    }
}
