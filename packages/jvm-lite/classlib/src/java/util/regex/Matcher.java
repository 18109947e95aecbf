package java.util.regex;

import java.util.function.Function;

/** Matches a Pattern against a character sequence: matches, lookingAt, find, groups, replace. */
public final class Matcher implements MatchResult {
    final Pattern pattern;
    CharSequence text;
    int from, to;
    /** Start and end of each group (0 is the whole match) of the current attempt; -1 if unset. */
    int[] groups;
    private int first = -1, last = 0;
    private int appendPos = 0;
    private boolean matched;

    Matcher(Pattern pattern, CharSequence text) {
        this.pattern = pattern;
        this.groups = new int[(pattern.groupCount + 1) * 2];
        reset(text);
    }

    public Pattern pattern() {
        return pattern;
    }

    public Matcher reset() {
        first = -1;
        last = 0;
        appendPos = 0;
        matched = false;
        from = 0;
        to = text.length();
        java.util.Arrays.fill(groups, -1);
        return this;
    }

    public Matcher reset(CharSequence input) {
        text = input;
        return reset();
    }

    public Matcher usePattern(Pattern newPattern) {
        throw new UnsupportedOperationException("usePattern");
    }

    public Matcher region(int start, int end) {
        if (start < 0 || start > end || end > text.length()) throw new IndexOutOfBoundsException("start");
        reset();
        from = start;
        to = end;
        return this;
    }

    public int regionStart() {
        return from;
    }

    public int regionEnd() {
        return to;
    }

    /** Tries a match starting exactly at start; anchored requires it to reach the region end. */
    private boolean attempt(int start, boolean anchoredEnd) {
        java.util.Arrays.fill(groups, -1);
        boolean ok = pattern.root.match(this, start, end -> {
            if (anchoredEnd && end != to) return false;
            groups[0] = start;
            groups[1] = end;
            return true;
        });
        matched = ok;
        if (ok) {
            first = groups[0];
            last = groups[1];
        } else {
            first = -1;
        }
        return ok;
    }

    public boolean matches() {
        return attempt(from, true);
    }

    public boolean lookingAt() {
        return attempt(from, false);
    }

    public boolean find() {
        int nextSearchIndex = last;
        if (nextSearchIndex == first) nextSearchIndex++;
        if (nextSearchIndex < from) nextSearchIndex = from;
        if (nextSearchIndex > to) {
            java.util.Arrays.fill(groups, -1);
            matched = false;
            return false;
        }
        return search(nextSearchIndex);
    }

    public boolean find(int start) {
        int limit = text.length();
        if (start < 0 || start > limit) throw new IndexOutOfBoundsException("Illegal start index");
        reset();
        return search(start);
    }

    private boolean search(int start) {
        for (int i = start; i <= to; i++) {
            if (attempt(i, false)) return true;
        }
        java.util.Arrays.fill(groups, -1);
        matched = false;
        first = -1;
        last = to + 1;
        return false;
    }

    private void checkMatch() {
        if (!matched) throw new IllegalStateException("No match found");
    }

    public int start() {
        checkMatch();
        return groups[0];
    }

    public int start(int group) {
        checkMatch();
        if (group < 0 || group > groupCount()) throw new IndexOutOfBoundsException("No group " + group);
        return groups[2 * group];
    }

    public int start(String name) {
        return start(groupIndex(name));
    }

    public int end() {
        checkMatch();
        return groups[1];
    }

    public int end(int group) {
        checkMatch();
        if (group < 0 || group > groupCount()) throw new IndexOutOfBoundsException("No group " + group);
        return groups[2 * group + 1];
    }

    public int end(String name) {
        return end(groupIndex(name));
    }

    public String group() {
        return group(0);
    }

    public String group(int group) {
        checkMatch();
        if (group < 0 || group > groupCount()) throw new IndexOutOfBoundsException("No group " + group);
        int s = groups[2 * group], e = groups[2 * group + 1];
        if (s == -1 || e == -1) return null;
        return text.subSequence(s, e).toString();
    }

    public String group(String name) {
        return group(groupIndex(name));
    }

    private int groupIndex(String name) {
        Integer i = pattern.namedGroups.get(name);
        if (i == null) throw new IllegalArgumentException("No group with name <" + name + ">");
        return i;
    }

    public int groupCount() {
        return pattern.groupCount;
    }

    public boolean hitEnd() {
        return last >= to;
    }

    public MatchResult toMatchResult() {
        final int[] g = groups.clone();
        final String snapshot = text.toString();
        final boolean ok = matched;
        final int count = groupCount();
        return new MatchResult() {
            private void check() {
                if (!ok) throw new IllegalStateException("No match found");
            }

            public int start() { check(); return g[0]; }

            public int start(int group) { check(); return g[2 * group]; }

            public int end() { check(); return g[1]; }

            public int end(int group) { check(); return g[2 * group + 1]; }

            public String group() { return group(0); }

            public String group(int group) {
                check();
                return g[2 * group] < 0 ? null : snapshot.substring(g[2 * group], g[2 * group + 1]);
            }

            public int groupCount() { return count; }
        };
    }

    public static String quoteReplacement(String s) {
        if ((s.indexOf('\\') == -1) && (s.indexOf('$') == -1)) return s;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '$') sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }

    /** Expands $n, ${name} and \x escapes of a replacement string for the current match. */
    private void appendExpanded(StringBuilder result, String replacement) {
        int cursor = 0;
        while (cursor < replacement.length()) {
            char nextChar = replacement.charAt(cursor);
            if (nextChar == '\\') {
                cursor++;
                if (cursor == replacement.length()) throw new IllegalArgumentException("character to be escaped is missing");
                result.append(replacement.charAt(cursor++));
            } else if (nextChar == '$') {
                cursor++;
                if (cursor == replacement.length()) throw new IllegalArgumentException("Illegal group reference: group index is missing");
                nextChar = replacement.charAt(cursor);
                int refNum;
                if (nextChar == '{') {
                    cursor++;
                    int begin = cursor;
                    while (cursor < replacement.length() && replacement.charAt(cursor) != '}') cursor++;
                    if (cursor == replacement.length()) throw new IllegalArgumentException("named capturing group is missing trailing '}'");
                    String gname = replacement.substring(begin, cursor);
                    cursor++;
                    if (!pattern.namedGroups.containsKey(gname)) throw new IllegalArgumentException("No group with name {" + gname + "}");
                    refNum = pattern.namedGroups.get(gname);
                } else {
                    refNum = nextChar - '0';
                    if (refNum < 0 || refNum > 9) throw new IllegalArgumentException("Illegal group reference");
                    cursor++;
                    boolean done = false;
                    while (!done && cursor < replacement.length()) {
                        int nextDigit = replacement.charAt(cursor) - '0';
                        if (nextDigit < 0 || nextDigit > 9) break;
                        int newRefNum = (refNum * 10) + nextDigit;
                        if (groupCount() < newRefNum) {
                            done = true;
                        } else {
                            refNum = newRefNum;
                            cursor++;
                        }
                    }
                }
                if (refNum > groupCount()) throw new IndexOutOfBoundsException("No group " + refNum);
                String g = group(refNum);
                if (g != null) result.append(g);
            } else {
                result.append(nextChar);
                cursor++;
            }
        }
    }

    public Matcher appendReplacement(StringBuilder sb, String replacement) {
        checkMatch();
        StringBuilder r = new StringBuilder();
        appendExpanded(r, replacement);
        sb.append(text, appendPos, start());
        sb.append(r);
        appendPos = end();
        return this;
    }

    public Matcher appendReplacement(StringBuffer sb, String replacement) {
        checkMatch();
        StringBuilder r = new StringBuilder();
        appendExpanded(r, replacement);
        sb.append(text, appendPos, start());
        sb.append(r);
        appendPos = end();
        return this;
    }

    public StringBuilder appendTail(StringBuilder sb) {
        sb.append(text, appendPos, text.length());
        return sb;
    }

    public StringBuffer appendTail(StringBuffer sb) {
        sb.append(text, appendPos, text.length());
        return sb;
    }

    public String replaceAll(String replacement) {
        reset();
        boolean result = find();
        if (result) {
            StringBuilder sb = new StringBuilder();
            do {
                appendReplacement(sb, replacement);
                result = find();
            } while (result);
            appendTail(sb);
            return sb.toString();
        }
        return text.toString();
    }

    public String replaceAll(Function<MatchResult, String> replacer) {
        reset();
        boolean result = find();
        if (result) {
            StringBuilder sb = new StringBuilder();
            do {
                appendReplacement(sb, replacer.apply(this));
                result = find();
            } while (result);
            appendTail(sb);
            return sb.toString();
        }
        return text.toString();
    }

    public String replaceFirst(String replacement) {
        reset();
        if (!find()) return text.toString();
        StringBuilder sb = new StringBuilder();
        appendReplacement(sb, replacement);
        appendTail(sb);
        return sb.toString();
    }

    public String replaceFirst(Function<MatchResult, String> replacer) {
        reset();
        if (!find()) return text.toString();
        StringBuilder sb = new StringBuilder();
        appendReplacement(sb, replacer.apply(this));
        appendTail(sb);
        return sb.toString();
    }

    public String toString() {
        return "java.util.regex.Matcher[pattern=" + pattern + " region=" + from + "," + to + " lastmatch=" + (matched ? group() : "") + "]";
    }
}
