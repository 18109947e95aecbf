import java.util.*;
import java.util.regex.*;

/** java.util.regex: classes, quantifiers (greedy, lazy, possessive), groups, lookaround, back references, flags, split, replace, errors. */
public class RegexPatterns {
    static void t(String re, String in) {
        try {
            Matcher m = Pattern.compile(re).matcher(in);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                sb.append('[').append(m.start()).append(',').append(m.end()).append(':').append(m.group());
                for (int g = 1; g <= m.groupCount(); g++) sb.append('|').append(m.group(g));
                sb.append(']');
            }
            System.out.println(re + " on " + in + " -> " + sb + " matches=" + Pattern.matches(re, in) + " split=" + Arrays.toString(Pattern.compile(re).split(in)) + " repl=" + Pattern.compile(re).matcher(in).replaceAll("<$0>"));
        } catch (PatternSyntaxException e) {
            System.out.println("PSE " + e.getMessage());
        } catch (RuntimeException e) {
            System.out.println(e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    public static void main(String[] args) {
        String[][] cases = {
            {"a+", "caaab aa"}, {"a*", "baaac"}, {"(a|b)*c", "ababcabc"}, {"\\d+", "x12y345z6"}, {"\\w+@\\w+\\.com", "mail bob@site.com, amy@x.com"},
            {"(\\w+)\\s(\\w+)", "hello world foo bar"}, {"^\\s*(\\w+)\\s*=\\s*(.*?)\\s*$", "  key = some value  "}, {"(?i)HeLLo", "hello HELLO hElLo"},
            {"colou?r", "color colour colr"}, {"a{2,3}", "a aa aaa aaaa aaaaa"}, {"a{2}?", "aaaa"}, {"(ab)+?", "ababab"}, {"[^aeiou\\s]+", "strength in numbers"},
            {"[a-c[x-z]]+", "abxyzdef"}, {"\\bcat\\b", "cat concat cat's bobcat"}, {"\\Bcat", "cat concat bobcat"}, {"(\\d)\\1", "1223334444"}, {"(?<year>\\d{4})-(?<m>\\d\\d)", "2024-01 1999-12"},
            {"x*", ""}, {"", "abc"}, {"\\s*,\\s*", "a , b,c ,  d"}, {"(?=\\d{3})\\d", "12345"}, {"(?<=\\$)\\d+", "cost $45 and $7"}, {"(?<!\\$)\\b\\d+", "cost $45 and 7"},
            {"a.c", "abc a\nc aXc"}, {"(?s)a.c", "a\nc"}, {"(?m)^\\w+$", "one\ntwo\nthree"}, {"^\\w+$", "one\ntwo"}, {"\\p{Upper}\\p{Lower}+", "Hello World FOO Bar"},
            {"[\\p{Punct}]", "a,b.c!d"}, {"\\Qa.b\\E", "a.b axb"}, {"a++b", "aaab"}, {"(a+)+b", "aaaab"}, {"[a-z&&[^e]]", "x"},
            {"(unclosed", "x"}, {"*bad", "x"}, {"a{2,1}", "x"}, {"[z-a]", "x"}, {"\\k<nope>", "x"}, {"a)", "x"}, {"[abc", "x"},
            {"\\.", "a.b.c"}, {"\\|", "a|b||c"}, {"[.]", "1.2"}, {"(?x) a b # comment\n c", "abc"}, {"\\t\\n", "\t\n"}, {"(a)|(b)", "ab"}, {"(a)?b", "b ab"},
        };
        for (String[] c : cases) t(c[0], c[1]);
        System.out.println("a1b22c333".replaceAll("\\d+", "#") + " " + "a-b_c".replaceFirst("[-_]", "+") + " " + "x".matches("[xy]") + " " + Arrays.toString("a1b2c3".split("\\d")) + " " + Arrays.toString("  lead trail ".split("\\s+")));
        System.out.println(Pattern.compile("(\\w)(\\w*)").matcher("hello big world").replaceAll(mr -> mr.group(1).toUpperCase() + mr.group(2)));
        Matcher m = Pattern.compile("(\\d+)").matcher("a12b345");
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, "[$1]");
        m.appendTail(sb);
        System.out.println(sb + " " + Matcher.quoteReplacement("$1\\") + " " + Pattern.quote("a.b") + " " + "a.b".replaceAll(Pattern.quote("."), "!"));
        Matcher lk = Pattern.compile("ab").matcher("abc");
        System.out.println(lk.lookingAt() + " " + lk.matches() + " " + lk.find(1) + " " + Pattern.compile("b").matcher("abc").find(1));
        try { Pattern.compile("x").matcher("y").group(); } catch (IllegalStateException e) { System.out.println("ISE " + e.getMessage()); }
        System.out.println(Arrays.toString(Pattern.compile(",").split("a,b,,c,,", -1)) + Arrays.toString(Pattern.compile(",").split("a,b,,c,,", 2)) + Arrays.toString(Pattern.compile("").split("abc")));
    }
}
