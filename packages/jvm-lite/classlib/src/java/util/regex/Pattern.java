package java.util.regex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A compiled regular expression: a backtracking matcher over a syntax tree, supporting the
 * commonly used part of java.util.regex syntax: literals and escapes (\t \n \r \f \e \0nn \xhh
 * \\uhhhh \Q...\E), classes (ranges, nesting, intersections [a-z&&[^aeiou]]; \d \D \w \W \s \S \h,
 * \p{Alpha} \p{Digit} \p{Alnum} \p{Upper} \p{Lower} \p{Punct} \p{Space} \p{L} \p{Lu} \p{Ll} \p{N}
 * \p{javaWhitespace} ...), '.', anchors ^ $ \A \z \Z \b \B, groups (capturing, named (?<n>),
 * non-capturing (?:), lookahead (?= (?!, lookbehind (?<= (?<!, inline flags (?i) (?m) (?s) (?x)
 * and (?i:...)), alternation, greedy/lazy/possessive quantifiers * + ? {n} {n,} {n,m}, and
 * back references \1 and \k<name>.
 */
public final class Pattern implements java.io.Serializable {
    public static final int UNIX_LINES = 0x01;
    public static final int CASE_INSENSITIVE = 0x02;
    public static final int COMMENTS = 0x04;
    public static final int MULTILINE = 0x08;
    public static final int LITERAL = 0x10;
    public static final int DOTALL = 0x20;
    public static final int UNICODE_CASE = 0x40;
    public static final int CANON_EQ = 0x80;
    public static final int UNICODE_CHARACTER_CLASS = 0x100;

    private final String pattern;
    private final int flags;
    final Node root;
    final int groupCount;
    final Map<String, Integer> namedGroups;

    private Pattern(String p, int f) {
        pattern = p;
        flags = f;
        Parser parser = new Parser(p, f);
        root = parser.parseAll();
        groupCount = parser.groupCount;
        namedGroups = parser.names;
    }

    public static Pattern compile(String regex) {
        return new Pattern(regex, 0);
    }

    public static Pattern compile(String regex, int flags) {
        return new Pattern(regex, flags);
    }

    public String pattern() {
        return pattern;
    }

    public String toString() {
        return pattern;
    }

    public int flags() {
        return flags;
    }

    public Matcher matcher(CharSequence input) {
        return new Matcher(this, input);
    }

    public static boolean matches(String regex, CharSequence input) {
        return compile(regex).matcher(input).matches();
    }

    public Predicate<String> asPredicate() {
        return s -> matcher(s).find();
    }

    public Predicate<String> asMatchPredicate() {
        return s -> matcher(s).matches();
    }

    public String[] split(CharSequence input) {
        return split(input, 0);
    }

    /** As the JDK: no leading empty string for a zero-width match at 0; limit 0 drops trailing empties. */
    public String[] split(CharSequence input, int limit) {
        int index = 0;
        boolean matchLimited = limit > 0;
        ArrayList<String> matchList = new ArrayList<>();
        Matcher m = matcher(input);
        while (m.find()) {
            if (!matchLimited || matchList.size() < limit - 1) {
                if (index == 0 && index == m.start() && m.start() == m.end()) continue;
                matchList.add(input.subSequence(index, m.start()).toString());
                index = m.end();
            } else if (matchList.size() == limit - 1) {
                matchList.add(input.subSequence(index, input.length()).toString());
                index = m.end();
            }
        }
        if (index == 0) return new String[] {input.toString()};
        if (!matchLimited || matchList.size() < limit) matchList.add(input.subSequence(index, input.length()).toString());
        int resultSize = matchList.size();
        if (limit == 0) {
            while (resultSize > 0 && matchList.get(resultSize - 1).isEmpty()) resultSize--;
        }
        String[] result = new String[resultSize];
        for (int i = 0; i < resultSize; i++) result[i] = matchList.get(i);
        return result;
    }

    public static String quote(String s) {
        int slashEIndex = s.indexOf("\\E");
        if (slashEIndex == -1) return "\\Q" + s + "\\E";
        StringBuilder sb = new StringBuilder(s.length() * 2);
        sb.append("\\Q");
        int current = 0;
        while ((slashEIndex = s.indexOf("\\E", current)) != -1) {
            sb.append(s, current, slashEIndex);
            current = slashEIndex + 2;
            sb.append("\\E\\\\E\\Q");
        }
        sb.append(s, current, s.length());
        sb.append("\\E");
        return sb.toString();
    }

    // ---- syntax tree

    /** Continuation: what must match after a node, from position i. */
    interface Cont {
        boolean run(int i);
    }

    abstract static class Node {
        abstract boolean match(Matcher m, int i, Cont k);

        /** Width if the node always consumes exactly one char (a char test), else -1. */
        boolean isSingleChar() {
            return false;
        }

        boolean test(Matcher m, int i) {
            return false;
        }
    }

    abstract static class CharTest extends Node {
        abstract boolean accepts(char c);

        boolean isSingleChar() {
            return true;
        }

        boolean test(Matcher m, int i) {
            return i < m.to && accepts(m.text.charAt(i));
        }

        boolean match(Matcher m, int i, Cont k) {
            return test(m, i) && k.run(i + 1);
        }
    }

    static final class Literal extends CharTest {
        final char c;
        final boolean ci;

        Literal(char c, boolean ci) {
            this.c = c;
            this.ci = ci;
        }

        boolean accepts(char x) {
            if (x == c) return true;
            return ci && (Character.toLowerCase(x) == Character.toLowerCase(c) || Character.toUpperCase(x) == Character.toUpperCase(c));
        }
    }

    static final class Dot extends CharTest {
        final boolean dotall;
        final boolean unixLines;

        Dot(boolean dotall, boolean unixLines) {
            this.dotall = dotall;
            this.unixLines = unixLines;
        }

        boolean accepts(char c) {
            if (dotall) return true;
            if (unixLines) return c != '\n';
            return c != '\n' && c != '\r' && c != '\u0085' && c != '\u2028' && c != '\u2029';
        }
    }

    /** A character class: ranges, predefined classes and nested classes, possibly negated. */
    static final class CharClass extends CharTest {
        final StringBuilder ranges = new StringBuilder();
        final List<CharTest> parts = new ArrayList<>();
        final List<CharTest> intersect = new ArrayList<>();
        boolean negated;
        final boolean ci;

        CharClass(boolean ci) {
            this.ci = ci;
        }

        void addRange(char lo, char hi) {
            ranges.append(lo).append(hi);
        }

        private boolean inRanges(char c) {
            for (int i = 0; i < ranges.length(); i += 2) if (c >= ranges.charAt(i) && c <= ranges.charAt(i + 1)) return true;
            return false;
        }

        boolean accepts(char c) {
            boolean in = inRanges(c) || (ci && (inRanges(Character.toLowerCase(c)) || inRanges(Character.toUpperCase(c))));
            if (!in) {
                for (CharTest p : parts) {
                    if (p.accepts(c)) {
                        in = true;
                        break;
                    }
                }
            }
            if (in) {
                for (CharTest p : intersect) {
                    if (!p.accepts(c)) {
                        in = false;
                        break;
                    }
                }
            }
            return in != negated;
        }
    }

    /** \d \w \s \h \p{...}: a named predicate, possibly negated. */
    static final class Predefined extends CharTest {
        final String name;
        final boolean negated;

        Predefined(String name, boolean negated) {
            this.name = name;
            this.negated = negated;
        }

        boolean accepts(char c) {
            return holds(c) != negated;
        }

        private boolean holds(char c) {
            switch (name) {
                case "d": case "Digit": case "IsDigit": return c >= '0' && c <= '9';
                case "w": return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
                case "s": case "Space": return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
                case "h": return c == ' ' || c == '\t' || c == 0xA0 || c == 0x1680 || c == 0x180e || (c >= 0x2000 && c <= 0x200a) || c == 0x202f || c == 0x205f || c == 0x3000;
                case "v": return c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
                case "Lower": return c >= 'a' && c <= 'z';
                case "Upper": return c >= 'A' && c <= 'Z';
                case "ASCII": return c < 0x80;
                case "Alpha": return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
                case "Alnum": return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
                case "Punct": return c >= 0x21 && c <= 0x7E && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
                case "Graph": return c >= 0x21 && c <= 0x7E;
                case "Print": return c >= 0x20 && c <= 0x7E;
                case "Blank": return c == ' ' || c == '\t';
                case "Cntrl": return c < 0x20 || c == 0x7F;
                case "XDigit": return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                case "L": case "IsL": case "IsAlphabetic": case "IsLetter": case "javaLetter": return Character.isLetter(c);
                case "Lu": case "IsLu": case "IsUppercase": case "javaUpperCase": return Character.isUpperCase(c);
                case "Ll": case "IsLl": case "IsLowercase": case "javaLowerCase": return Character.isLowerCase(c);
                case "N": case "Nd": case "IsN": case "javaDigit": return Character.isDigit(c);
                case "javaLetterOrDigit": return Character.isLetterOrDigit(c);
                case "javaWhitespace": case "IsWhite_Space": case "IsWhiteSpace": return Character.isWhitespace(c);
                case "P": case "IsP": case "IsPunctuation": return c >= 0x21 && c <= 0x7E && "!\"#%&'()*,-./:;?@[\\]_{}".indexOf(c) >= 0;
                default: throw new PatternSyntaxException("Unknown character property name {" + name + "}", "", -1);
            }
        }
    }

    /** A sequence of nodes matched one after the other. */
    static final class Seq extends Node {
        final Node[] nodes;

        Seq(List<Node> list) {
            nodes = list.toArray(new Node[0]);
        }

        boolean match(Matcher m, int i, Cont k) {
            return matchFrom(m, 0, i, k);
        }

        private boolean matchFrom(Matcher m, int idx, int i, Cont k) {
            // Runs of single-char tests need no continuations.
            while (idx < nodes.length && nodes[idx].isSingleChar()) {
                if (!nodes[idx].test(m, i)) return false;
                idx++;
                i++;
            }
            if (idx == nodes.length) return k.run(i);
            final int nextIdx = idx + 1;
            if (nextIdx == nodes.length) return nodes[idx].match(m, i, k);
            return nodes[idx].match(m, i, j -> matchFrom(m, nextIdx, j, k));
        }
    }

    static final class Alt extends Node {
        final Node[] alts;

        Alt(List<Node> list) {
            alts = list.toArray(new Node[0]);
        }

        boolean match(Matcher m, int i, Cont k) {
            for (Node a : alts) if (a.match(m, i, k)) return true;
            return false;
        }
    }

    static final class Group extends Node {
        final int index;
        final Node body;

        Group(int index, Node body) {
            this.index = index;
            this.body = body;
        }

        boolean match(Matcher m, int i, Cont k) {
            int[] g = m.groups;
            return body.match(m, i, j -> {
                int oldStart = g[2 * index], oldEnd = g[2 * index + 1];
                g[2 * index] = i;
                g[2 * index + 1] = j;
                if (k.run(j)) return true;
                g[2 * index] = oldStart;
                g[2 * index + 1] = oldEnd;
                return false;
            });
        }
    }

    static final class Quantifier extends Node {
        static final int GREEDY = 0, LAZY = 1, POSSESSIVE = 2;
        final Node body;
        final int min, max, kind;

        Quantifier(Node body, int min, int max, int kind) {
            this.body = body;
            this.min = min;
            this.max = max;
            this.kind = kind;
        }

        boolean match(Matcher m, int i, Cont k) {
            if (body.isSingleChar()) {
                int n = 0;
                if (kind == LAZY) {
                    while (n < min) {
                        if (!body.test(m, i + n)) return false;
                        n++;
                    }
                    for (;;) {
                        if (k.run(i + n)) return true;
                        if (n >= max || !body.test(m, i + n)) return false;
                        n++;
                    }
                }
                while (n < max && body.test(m, i + n)) n++;
                if (n < min) return false;
                if (kind == POSSESSIVE) return k.run(i + n);
                for (; n >= min; n--) if (k.run(i + n)) return true;
                return false;
            }
            if (kind == POSSESSIVE) {
                int[] end = {i};
                int count = 0;
                while (count < max) {
                    int from = end[0];
                    if (!body.match(m, from, j -> {
                        end[0] = j;
                        return true;
                    }) || end[0] == from) break;
                    count++;
                }
                return count >= min && k.run(end[0]);
            }
            return iterate(m, i, 0, k);
        }

        private boolean iterate(Matcher m, int i, int count, Cont k) {
            if (kind == LAZY) {
                if (count >= min && k.run(i)) return true;
                return count < max && body.match(m, i, j -> (j != i || count < min) && iterate(m, j, count + 1, k));
            }
            if (count < max && body.match(m, i, j -> (j != i || count < min) && iterate(m, j, count + 1, k))) return true;
            return count >= min && k.run(i);
        }
    }

    static final class BackRef extends Node {
        final int index;
        final String name;
        final boolean ci;

        BackRef(int index, String name, boolean ci) {
            this.index = index;
            this.name = name;
            this.ci = ci;
        }

        boolean match(Matcher m, int i, Cont k) {
            int g = name != null ? m.pattern.namedGroups.get(name) : index;
            int s = m.groups[2 * g], e = m.groups[2 * g + 1];
            if (s < 0) return false;
            int len = e - s;
            if (i + len > m.to) return false;
            for (int t = 0; t < len; t++) {
                char a = m.text.charAt(s + t), b = m.text.charAt(i + t);
                if (a != b && !(ci && Character.toLowerCase(a) == Character.toLowerCase(b))) return false;
            }
            return k.run(i + len);
        }
    }

    static final class Look extends Node {
        final Node body;
        final boolean ahead, negative;

        Look(Node body, boolean ahead, boolean negative) {
            this.body = body;
            this.ahead = ahead;
            this.negative = negative;
        }

        boolean match(Matcher m, int i, Cont k) {
            boolean found;
            if (ahead) {
                int savedTo = m.to;
                found = body.match(m, i, j -> true);
                m.to = savedTo;
            } else {
                found = false;
                for (int s = i; s >= m.from && !found; s--) found = body.match(m, s, j -> j == i);
            }
            return found != negative && k.run(i);
        }
    }

    /** ^ $ \A \z \Z \b \B. */
    static final class Anchor extends Node {
        final char kind;
        final boolean multiline;

        Anchor(char kind, boolean multiline) {
            this.kind = kind;
            this.multiline = multiline;
        }

        private static boolean isLineTerminator(char c) {
            return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
        }

        private static boolean isWord(char c) {
            return Character.isLetterOrDigit(c) || c == '_';
        }

        boolean match(Matcher m, int i, Cont k) {
            CharSequence t = m.text;
            boolean ok;
            switch (kind) {
                case '^':
                    ok = i == m.from || (multiline && i < m.to && isLineTerminator(t.charAt(i - 1)) && !(t.charAt(i - 1) == '\r' && t.charAt(i) == '\n'));
                    break;
                case 'A':
                    ok = i == m.from;
                    break;
                case 'z':
                    ok = i == m.to;
                    break;
                case '$':
                    if (multiline) {
                        ok = i == m.to || isLineTerminator(t.charAt(i)) && !(t.charAt(i) == '\n' && i > m.from && t.charAt(i - 1) == '\r');
                        break;
                    }
                    // fall through: without MULTILINE, $ is \Z
                case 'Z':
                    ok = i == m.to || (i == m.to - 1 && isLineTerminator(t.charAt(i))) || (i == m.to - 2 && t.charAt(i) == '\r' && t.charAt(i + 1) == '\n');
                    break;
                default: {
                    boolean before = i > m.from && isWord(t.charAt(i - 1));
                    boolean after = i < m.to && isWord(t.charAt(i));
                    ok = (before != after) == (kind == 'b');
                }
            }
            return ok && k.run(i);
        }
    }

    static final class Empty extends Node {
        boolean match(Matcher m, int i, Cont k) {
            return k.run(i);
        }
    }

    // ---- parser

    static final class Parser {
        final String p;
        int pos;
        int flags;
        int groupCount;
        final Map<String, Integer> names = new HashMap<>();

        Parser(String p, int flags) {
            this.p = (flags & LITERAL) != 0 ? quote(p) : p;
            this.flags = flags & ~LITERAL;
        }

        PatternSyntaxException error(String desc) {
            return new PatternSyntaxException(desc, p, pos);
        }

        boolean ci() {
            return (flags & CASE_INSENSITIVE) != 0;
        }

        Node parseAll() {
            Node n = parseAlt();
            if (pos < p.length()) {
                if (p.charAt(pos) == ')') throw new PatternSyntaxException("Unmatched closing ')'", p, pos - 1 < 0 ? 0 : pos - 1);
                throw error("Unexpected character");
            }
            return n;
        }

        Node parseAlt() {
            List<Node> alts = new ArrayList<>();
            alts.add(parseSeq());
            while (pos < p.length() && p.charAt(pos) == '|') {
                pos++;
                alts.add(parseSeq());
            }
            return alts.size() == 1 ? alts.get(0) : new Alt(alts);
        }

        private void skipComments() {
            if ((flags & COMMENTS) == 0) return;
            while (pos < p.length()) {
                char c = p.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B) {
                    pos++;
                } else if (c == '#') {
                    while (pos < p.length() && p.charAt(pos) != '\n') pos++;
                } else {
                    return;
                }
            }
        }

        Node parseSeq() {
            List<Node> nodes = new ArrayList<>();
            for (;;) {
                skipComments();
                if (pos >= p.length()) break;
                char c = p.charAt(pos);
                if (c == '|' || c == ')') break;
                if (c == '\\' && pos + 1 < p.length() && p.charAt(pos + 1) == 'Q') {
                    pos += 2;
                    int end = p.indexOf("\\E", pos);
                    if (end < 0) end = p.length();
                    for (int t = pos; t < end; t++) nodes.add(new Literal(p.charAt(t), ci()));
                    pos = Math.min(p.length(), end + 2);
                    continue;
                }
                Node atom = parseAtom();
                if (atom == null) continue;
                nodes.add(parseQuantifier(atom));
            }
            if (nodes.isEmpty()) return new Empty();
            return nodes.size() == 1 ? nodes.get(0) : new Seq(nodes);
        }

        Node parseQuantifier(Node atom) {
            skipComments();
            if (pos >= p.length()) return atom;
            char c = p.charAt(pos);
            int min, max;
            if (c == '*') {
                min = 0;
                max = Integer.MAX_VALUE;
                pos++;
            } else if (c == '+') {
                min = 1;
                max = Integer.MAX_VALUE;
                pos++;
            } else if (c == '?') {
                min = 0;
                max = 1;
                pos++;
            } else if (c == '{' && pos + 1 < p.length() && Character.isDigit(p.charAt(pos + 1))) {
                int start = pos;
                pos++;
                min = readInt();
                max = min;
                if (pos < p.length() && p.charAt(pos) == ',') {
                    pos++;
                    max = (pos < p.length() && Character.isDigit(p.charAt(pos))) ? readInt() : Integer.MAX_VALUE;
                }
                if (pos >= p.length() || p.charAt(pos) != '}') {
                    pos = start;
                    throw error("Unclosed counted closure");
                }
                pos++;
                if (max < min) throw new PatternSyntaxException("Illegal repetition range", p, pos - 1);
            } else {
                return atom;
            }
            if (atom instanceof Anchor || atom instanceof Look) return atom;
            int kind = Quantifier.GREEDY;
            if (pos < p.length() && p.charAt(pos) == '?') {
                kind = Quantifier.LAZY;
                pos++;
            } else if (pos < p.length() && p.charAt(pos) == '+') {
                kind = Quantifier.POSSESSIVE;
                pos++;
            }
            return new Quantifier(atom, min, max, kind);
        }

        int readInt() {
            int start = pos;
            while (pos < p.length() && Character.isDigit(p.charAt(pos))) pos++;
            return Integer.parseInt(p.substring(start, pos));
        }

        Node parseAtom() {
            char c = p.charAt(pos);
            switch (c) {
                case '(':
                    return parseGroup();
                case '[':
                    pos++;
                    return parseClass();
                case '.':
                    pos++;
                    return new Dot((flags & DOTALL) != 0, (flags & UNIX_LINES) != 0);
                case '^':
                    pos++;
                    return new Anchor('^', (flags & MULTILINE) != 0);
                case '$':
                    pos++;
                    return new Anchor('$', (flags & MULTILINE) != 0);
                case '\\':
                    return parseEscape(false, null);
                case '*':
                case '+':
                case '?':
                    throw new PatternSyntaxException("Dangling meta character '" + c + "'", p, pos);
                default:
                    pos++;
                    return new Literal(c, ci());
            }
        }

        Node parseGroup() {
            int start = pos;
            pos++;
            int savedFlags = flags;
            Node result;
            if (pos < p.length() && p.charAt(pos) == '?') {
                pos++;
                if (pos >= p.length()) throw error("Unknown inline modifier");
                char c = p.charAt(pos);
                if (c == ':') {
                    pos++;
                    result = parseAlt();
                } else if (c == '=' || c == '!') {
                    pos++;
                    result = new Look(parseAlt(), true, c == '!');
                } else if (c == '<' && pos + 1 < p.length() && (p.charAt(pos + 1) == '=' || p.charAt(pos + 1) == '!')) {
                    boolean neg = p.charAt(pos + 1) == '!';
                    pos += 2;
                    result = new Look(parseAlt(), false, neg);
                } else if (c == '<') {
                    pos++;
                    int nameStart = pos;
                    while (pos < p.length() && Character.isLetterOrDigit(p.charAt(pos))) pos++;
                    if (pos >= p.length() || p.charAt(pos) != '>') throw error("named capturing group is missing trailing '>'");
                    String name = p.substring(nameStart, pos);
                    pos++;
                    if (names.containsKey(name)) throw error("Named capturing group <" + name + "> is already defined");
                    int index = ++groupCount;
                    names.put(name, index);
                    result = new Group(index, parseAlt());
                } else if (c == '>') {
                    pos++;
                    Node body = parseAlt();
                    result = new Quantifier(body, 1, 1, Quantifier.POSSESSIVE);
                } else {
                    boolean on = true;
                    int f = flags;
                    while (pos < p.length() && p.charAt(pos) != ')' && p.charAt(pos) != ':') {
                        char m = p.charAt(pos++);
                        int bit = switch (m) {
                            case 'i' -> CASE_INSENSITIVE;
                            case 'm' -> MULTILINE;
                            case 's' -> DOTALL;
                            case 'x' -> COMMENTS;
                            case 'd' -> UNIX_LINES;
                            case 'u' -> UNICODE_CASE;
                            case 'U' -> UNICODE_CHARACTER_CLASS;
                            case '-' -> 0;
                            default -> throw new PatternSyntaxException("Unknown inline modifier", p, pos - 1);
                        };
                        if (m == '-') on = false;
                        else if (on) f |= bit;
                        else f &= ~bit;
                    }
                    if (pos >= p.length()) throw error("Unknown inline modifier");
                    if (p.charAt(pos) == ')') {
                        // (?i) changes the flags for the rest of the enclosing group.
                        pos++;
                        flags = f;
                        return null;
                    }
                    pos++;
                    flags = f;
                    result = parseAlt();
                }
            } else {
                int index = ++groupCount;
                result = new Group(index, parseAlt());
            }
            flags = savedFlags;
            if (pos >= p.length() || p.charAt(pos) != ')') {
                throw new PatternSyntaxException("Unclosed group", p, p.length());
            }
            pos++;
            return result;
        }

        /** Parses an escape at pos (the backslash); in a class, backreferences are not allowed. */
        Node parseEscape(boolean inClass, CharClass cls) {
            pos++;
            if (pos >= p.length()) throw new PatternSyntaxException("Unexpected internal error", p, pos);
            char c = p.charAt(pos++);
            switch (c) {
                case 'd': case 'w': case 's': case 'h': case 'v':
                    return new Predefined(String.valueOf(c), false);
                case 'D': case 'W': case 'S': case 'H': case 'V':
                    return new Predefined(String.valueOf(Character.toLowerCase(c)), true);
                case 'p': case 'P': {
                    String name;
                    if (pos < p.length() && p.charAt(pos) == '{') {
                        int end = p.indexOf('}', pos);
                        if (end < 0) throw error("Unclosed character family");
                        name = p.substring(pos + 1, end);
                        pos = end + 1;
                    } else {
                        name = String.valueOf(p.charAt(pos++));
                    }
                    if (name.startsWith("Is") && name.length() > 2 && !name.equals("IsAlphabetic") && !name.startsWith("IsL") && !name.startsWith("IsN") && !name.startsWith("IsP") && !name.startsWith("IsW") && !name.equals("IsDigit") && !name.startsWith("IsUpper") && !name.startsWith("IsLower")) name = name.substring(2);
                    Predefined pd = new Predefined(name, c == 'P');
                    try {
                        pd.accepts('a');
                    } catch (PatternSyntaxException e) {
                        throw new PatternSyntaxException("Unknown character property name {" + name + "}", p, pos - 1);
                    }
                    return pd;
                }
                case 't': return new Literal('\t', false);
                case 'n': return new Literal('\n', false);
                case 'r': return new Literal('\r', false);
                case 'f': return new Literal('\f', false);
                case 'a': return new Literal('\u0007', false);
                case 'e': return new Literal('\u001B', false);
                case '0': {
                    int v = 0;
                    int digits = 0;
                    while (pos < p.length() && digits < 3 && p.charAt(pos) >= '0' && p.charAt(pos) <= '7') {
                        v = v * 8 + (p.charAt(pos++) - '0');
                        digits++;
                    }
                    if (digits == 0) throw error("Illegal octal escape sequence");
                    return new Literal((char) v, ci());
                }
                case 'x': {
                    int v;
                    if (pos < p.length() && p.charAt(pos) == '{') {
                        int end = p.indexOf('}', pos);
                        v = Integer.parseInt(p.substring(pos + 1, end), 16);
                        pos = end + 1;
                    } else {
                        v = Integer.parseInt(p.substring(pos, pos + 2), 16);
                        pos += 2;
                    }
                    return new Literal((char) v, ci());
                }
                case 'u': {
                    int v = Integer.parseInt(p.substring(pos, pos + 4), 16);
                    pos += 4;
                    return new Literal((char) v, ci());
                }
                case 'c':
                    return new Literal((char) (p.charAt(pos++) ^ 64), false);
                case 'b': case 'B': case 'A': case 'z': case 'Z':
                    if (inClass) throw error("Illegal/unsupported escape sequence");
                    return new Anchor(c, false);
                case 'G':
                    if (inClass) throw error("Illegal/unsupported escape sequence");
                    return new Anchor('A', false);
                case 'R': {
                    List<Node> alts = new ArrayList<>();
                    List<Node> crlf = new ArrayList<>();
                    crlf.add(new Literal('\r', false));
                    crlf.add(new Literal('\n', false));
                    alts.add(new Seq(crlf));
                    CharClass one = new CharClass(false);
                    one.addRange('\n', '\r');
                    one.addRange('\u0085', '\u0085');
                    one.addRange('\u2028', '\u2029');
                    alts.add(one);
                    return new Quantifier(new Alt(alts), 1, 1, Quantifier.POSSESSIVE);
                }
                case 'k': {
                    if (inClass || pos >= p.length() || p.charAt(pos) != '<') throw error("\\k is not followed by '<' for named capturing group");
                    int end = p.indexOf('>', pos);
                    String name = p.substring(pos + 1, end);
                    pos = end + 1;
                    if (!names.containsKey(name)) throw new PatternSyntaxException("named capturing group <" + name + "> does not exist", p, end);
                    return new BackRef(0, name, ci());
                }
                default:
                    if (c >= '1' && c <= '9' && !inClass) {
                        int ref = c - '0';
                        // Take more digits while they still name an existing group, as the JDK does.
                        while (pos < p.length() && Character.isDigit(p.charAt(pos))) {
                            int more = ref * 10 + (p.charAt(pos) - '0');
                            if (more > groupCount) break;
                            ref = more;
                            pos++;
                        }
                        return new BackRef(ref, null, ci());
                    }
                    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                        pos--;
                        throw error("Illegal/unsupported escape sequence");
                    }
                    return new Literal(c, ci());
            }
        }

        /** Parses a class after its '['. */
        CharClass parseClass() {
            CharClass cls = new CharClass(ci());
            int start = pos - 1;
            if (pos < p.length() && p.charAt(pos) == '^') {
                cls.negated = true;
                pos++;
            }
            boolean first = true;
            for (;;) {
                if (pos >= p.length()) throw new PatternSyntaxException("Unclosed character class", p, p.length() - 1);
                char c = p.charAt(pos);
                if (c == ']' && !first) {
                    pos++;
                    break;
                }
                first = false;
                if (c == '[') {
                    pos++;
                    cls.parts.add(parseClass());
                    continue;
                }
                if (c == '&' && pos + 1 < p.length() && p.charAt(pos + 1) == '&') {
                    // [left&&right]: what follows up to this class's ']' is intersected with it.
                    pos += 2;
                    CharClass right;
                    if (pos < p.length() && p.charAt(pos) == '[') {
                        pos++;
                        right = parseClass();
                    } else {
                        right = new CharClass(ci());
                        while (pos < p.length() && p.charAt(pos) != ']' && !(p.charAt(pos) == '&' && pos + 1 < p.length() && p.charAt(pos + 1) == '&')) {
                            char r = p.charAt(pos);
                            if (r == '\\') {
                                Node n = parseEscape(true, right);
                                if (n instanceof Literal lit) right.addRange(lit.c, lit.c);
                                else right.parts.add((CharTest) n);
                            } else if (r == '[') {
                                pos++;
                                right.parts.add(parseClass());
                            } else if (pos + 2 < p.length() && p.charAt(pos + 1) == '-' && p.charAt(pos + 2) != ']') {
                                right.addRange(r, p.charAt(pos + 2));
                                pos += 3;
                            } else {
                                right.addRange(r, r);
                                pos++;
                            }
                        }
                    }
                    cls.intersect.add(right);
                    continue;
                }
                char lo;
                if (c == '\\') {
                    Node n = parseEscape(true, cls);
                    if (!(n instanceof Literal)) {
                        cls.parts.add((CharTest) n);
                        continue;
                    }
                    lo = ((Literal) n).c;
                } else {
                    lo = c;
                    pos++;
                }
                if (pos + 1 < p.length() && p.charAt(pos) == '-' && p.charAt(pos + 1) != ']') {
                    pos++;
                    char hi;
                    if (p.charAt(pos) == '\\') {
                        Node n = parseEscape(true, cls);
                        if (!(n instanceof Literal)) throw error("Illegal character range");
                        hi = ((Literal) n).c;
                    } else {
                        hi = p.charAt(pos++);
                    }
                    if (hi < lo) throw new PatternSyntaxException("Illegal character range", p, pos - 1);
                    cls.addRange(lo, hi);
                } else {
                    cls.addRange(lo, lo);
                }
            }
            if (start < 0) throw error("Unclosed character class");
            return cls;
        }
    }
}
