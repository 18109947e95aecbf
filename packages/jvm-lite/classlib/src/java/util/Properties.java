package java.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * String properties with defaults. As in JDK 9+, the entries live in a ConcurrentHashMap (initial
 * capacity 8), so toString, keySet and iteration follow that map's order, while list() and
 * stringPropertyNames() go through a HashMap, as the JDK's do. load() reads the .properties
 * format (comments, continuations, escapes; InputStreams as ISO-8859-1). Not supported: store()
 * (it writes the current date), XML.
 */
public class Properties extends Hashtable<Object, Object> {
    protected volatile Properties defaults;
    private final ConcurrentHashMap<Object, Object> map;

    public Properties() {
        this(null, 8);
    }

    public Properties(int initialCapacity) {
        this(null, initialCapacity);
    }

    public Properties(Properties defaults) {
        this(defaults, 8);
    }

    private Properties(Properties defaults, int initialCapacity) {
        super((Void) null);
        map = new ConcurrentHashMap<>(initialCapacity);
        this.defaults = defaults;
    }

    public synchronized Object setProperty(String key, String value) {
        return put(key, value);
    }

    public String getProperty(String key) {
        Object oval = map.get(key);
        String sval = (oval instanceof String) ? (String) oval : null;
        Properties d = defaults;
        return (sval == null && d != null) ? d.getProperty(key) : sval;
    }

    public String getProperty(String key, String defaultValue) {
        String val = getProperty(key);
        return (val == null) ? defaultValue : val;
    }

    public Enumeration<?> propertyNames() {
        Hashtable<String, Object> h = new Hashtable<>();
        enumerate(h);
        return h.keys();
    }

    public Set<String> stringPropertyNames() {
        Map<String, String> h = new HashMap<>();
        enumerateStringProperties(h);
        return Collections.unmodifiableSet(h.keySet());
    }

    private void enumerate(Map<String, Object> h) {
        if (defaults != null) defaults.enumerate(h);
        for (Map.Entry<Object, Object> e : entrySet()) {
            if (e.getKey() instanceof String k) h.put(k, e.getValue());
        }
    }

    private void enumerateStringProperties(Map<String, String> h) {
        if (defaults != null) defaults.enumerateStringProperties(h);
        for (Map.Entry<Object, Object> e : entrySet()) {
            if (e.getKey() instanceof String k && e.getValue() instanceof String v) h.put(k, v);
        }
    }

    public void list(PrintStream out) {
        out.println("-- listing properties --");
        Map<String, Object> h = new HashMap<>();
        enumerate(h);
        for (Map.Entry<String, Object> e : h.entrySet()) {
            String val = (String) e.getValue();
            if (val.length() > 40) val = val.substring(0, 37) + "...";
            out.println(e.getKey() + "=" + val);
        }
    }

    public void list(PrintWriter out) {
        out.println("-- listing properties --");
        Map<String, Object> h = new HashMap<>();
        enumerate(h);
        for (Map.Entry<String, Object> e : h.entrySet()) {
            String val = (String) e.getValue();
            if (val.length() > 40) val = val.substring(0, 37) + "...";
            out.println(e.getKey() + "=" + val);
        }
    }

    public synchronized void load(Reader reader) throws IOException {
        StringBuilder all = new StringBuilder();
        char[] buf = new char[1024];
        int n;
        while ((n = reader.read(buf, 0, buf.length)) > 0) all.append(buf, 0, n);
        parse(all.toString());
    }

    public synchronized void load(InputStream inStream) throws IOException {
        StringBuilder all = new StringBuilder();
        int b;
        while ((b = inStream.read()) >= 0) all.append((char) b);
        parse(all.toString());
    }

    private static boolean isWhite(char c) {
        return c == ' ' || c == '\t' || c == '\f';
    }

    /** The logical lines of the .properties format, then key/value splitting with escapes. */
    private void parse(String text) {
        int i = 0;
        int len = text.length();
        while (i < len) {
            // Skip leading whitespace and blank lines.
            while (i < len && (isWhite(text.charAt(i)) || text.charAt(i) == '\n' || text.charAt(i) == '\r')) i++;
            if (i >= len) break;
            char c0 = text.charAt(i);
            if (c0 == '#' || c0 == '!') {
                while (i < len && text.charAt(i) != '\n' && text.charAt(i) != '\r') i++;
                continue;
            }
            StringBuilder line = new StringBuilder();
            for (;;) {
                int start = i;
                while (i < len && text.charAt(i) != '\n' && text.charAt(i) != '\r') i++;
                String part = text.substring(start, i);
                int slashes = 0;
                for (int k = part.length() - 1; k >= 0 && part.charAt(k) == '\\'; k--) slashes++;
                if (i < len && text.charAt(i) == '\r') i++;
                if (i < len && text.charAt(i) == '\n') i++;
                if (slashes % 2 == 1) {
                    line.append(part, 0, part.length() - 1);
                    while (i < len && isWhite(text.charAt(i))) i++;
                    if (i >= len) break;
                } else {
                    line.append(part);
                    break;
                }
            }
            splitLine(line.toString());
        }
    }

    private void splitLine(String line) {
        int len = line.length();
        int keyEnd = 0;
        boolean precedingBackslash = false;
        while (keyEnd < len) {
            char c = line.charAt(keyEnd);
            if ((c == '=' || c == ':' || isWhite(c)) && !precedingBackslash) break;
            precedingBackslash = c == '\\' && !precedingBackslash;
            keyEnd++;
        }
        int valueStart = keyEnd;
        while (valueStart < len && isWhite(line.charAt(valueStart))) valueStart++;
        if (valueStart < len && (line.charAt(valueStart) == '=' || line.charAt(valueStart) == ':')) {
            valueStart++;
            while (valueStart < len && isWhite(line.charAt(valueStart))) valueStart++;
        }
        put(unescape(line.substring(0, keyEnd)), unescape(line.substring(valueStart)));
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            c = s.charAt(++i);
            switch (c) {
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (i + 4 >= s.length()) throw new IllegalArgumentException("Malformed \\uxxxx encoding.");
                    int v = 0;
                    for (int k = 1; k <= 4; k++) {
                        int d = Character.digit(s.charAt(i + k), 16);
                        if (d < 0) throw new IllegalArgumentException("Malformed \\uxxxx encoding.");
                        v = v * 16 + d;
                    }
                    out.append((char) v);
                    i += 4;
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    // Every Map operation goes to the ConcurrentHashMap.

    public int size() { return map.size(); }

    public boolean isEmpty() { return map.isEmpty(); }

    public Enumeration<Object> keys() { return map.keys(); }

    public Enumeration<Object> elements() { return map.elements(); }

    public boolean contains(Object value) { return map.containsValue(value); }

    public boolean containsValue(Object value) { return map.containsValue(value); }

    public boolean containsKey(Object key) { return map.containsKey(key); }

    public Object get(Object key) { return map.get(key); }

    public synchronized Object put(Object key, Object value) { return map.put(key, value); }

    public synchronized Object remove(Object key) { return map.remove(key); }

    public synchronized void putAll(Map<?, ?> t) { map.putAll(t); }

    public synchronized void clear() { map.clear(); }

    public synchronized String toString() { return map.toString(); }

    public Set<Object> keySet() { return map.keySet(); }

    public Collection<Object> values() { return map.values(); }

    public Set<Map.Entry<Object, Object>> entrySet() { return map.entrySet(); }

    public synchronized boolean equals(Object o) { return map.equals(o); }

    public synchronized int hashCode() { return map.hashCode(); }

    public Object getOrDefault(Object key, Object defaultValue) { return map.getOrDefault(key, defaultValue); }

    public synchronized void forEach(BiConsumer<? super Object, ? super Object> action) { map.forEach(action); }

    public synchronized void replaceAll(BiFunction<? super Object, ? super Object, ?> function) { map.replaceAll(function); }

    public synchronized Object putIfAbsent(Object key, Object value) { return map.putIfAbsent(key, value); }

    public synchronized boolean remove(Object key, Object value) { return map.remove(key, value); }

    public synchronized boolean replace(Object key, Object oldValue, Object newValue) { return map.replace(key, oldValue, newValue); }

    public synchronized Object replace(Object key, Object value) { return map.replace(key, value); }

    public synchronized Object computeIfAbsent(Object key, Function<? super Object, ?> mappingFunction) { return map.computeIfAbsent(key, mappingFunction); }

    public synchronized Object computeIfPresent(Object key, BiFunction<? super Object, ? super Object, ?> remappingFunction) { return map.computeIfPresent(key, remappingFunction); }

    public synchronized Object compute(Object key, BiFunction<? super Object, ? super Object, ?> remappingFunction) { return map.compute(key, remappingFunction); }

    public synchronized Object merge(Object key, Object value, BiFunction<? super Object, ? super Object, ?> remappingFunction) { return map.merge(key, value, remappingFunction); }

    public synchronized Object clone() {
        Properties clone = new Properties(defaults, Math.max(8, map.size()));
        clone.putAll(map);
        return clone;
    }
}
