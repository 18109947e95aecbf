import java.util.ArrayList;
import java.util.List;

/** Enums: fields, constructors, constant bodies, abstract methods, values/valueOf, switch on enums. */
public class Enums {
    enum Planet {
        MERCURY(3.303e+23, 2.4397e6), EARTH(5.976e+24, 6.37814e6), JUPITER(1.9e+27, 7.1492e7);
        private final double mass, radius;
        Planet(double mass, double radius) { this.mass = mass; this.radius = radius; }
        double surfaceGravity() { return 6.67300E-11 * mass / (radius * radius); }
    }

    enum Op {
        PLUS("+") { int apply(int a, int b) { return a + b; } },
        MINUS("-") { int apply(int a, int b) { return a - b; } },
        TIMES("*") {
            int apply(int a, int b) { return a * b; }
            @Override public String toString() { return "times!"; }
        };
        final String symbol;
        Op(String symbol) { this.symbol = symbol; }
        abstract int apply(int a, int b);
    }

    enum Color { RED, GREEN, BLUE }

    interface Describable { String describe(); }
    enum Level implements Describable {
        LOW, MEDIUM, HIGH;
        public String describe() { return name().toLowerCase() + "#" + ordinal(); }
        Level next() { return values()[(ordinal() + 1) % values().length]; }
    }

    static String classify(Color c) {
        switch (c) {
            case RED: return "warm";
            case GREEN:
            case BLUE: return "cool";
            default: return "unknown";
        }
    }

    static int weight(Level l) {
        return switch (l) {
            case LOW -> 1;
            case MEDIUM -> { int x = 5; yield x * 2; }
            case HIGH -> 100;
        };
    }

    public static void main(String[] args) {
        for (Planet p : Planet.values()) {
            System.out.printf("%s %.2f%n", p, p.surfaceGravity());
        }
        for (Op op : Op.values()) {
            System.out.println(op + " " + op.name() + " " + op.symbol + " " + op.apply(6, 3) + " " + op.ordinal() + " " + (op.getClass() == Op.class) + " " + op.getDeclaringClass().getSimpleName());
        }
        System.out.println(Color.valueOf("GREEN") + " " + classify(Color.RED) + " " + classify(Color.BLUE));
        try {
            Color.valueOf("PURPLE");
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
        for (Level l : Level.values()) System.out.println(l.describe() + " -> " + l.next() + " w=" + weight(l));
        System.out.println(Level.HIGH.compareTo(Level.LOW) + " " + Level.LOW.compareTo(Level.MEDIUM));
        System.out.println(Color.RED == Color.valueOf("RED"));
        System.out.println(Color.RED.equals(Color.RED) + " " + Color.RED.equals(Color.BLUE));
        List<Color> cs = new ArrayList<>(List.of(Color.BLUE, Color.RED, Color.GREEN, Color.RED));
        java.util.Collections.sort(cs);
        System.out.println(cs);
        Describable d = Level.MEDIUM;
        System.out.println(d.describe());
        String s = "";
        for (Color c : Color.values()) {
            switch (c) {
                case RED -> s += "r";
                case GREEN -> s += "g";
                default -> s += "?";
            }
        }
        System.out.println(s);
        java.util.Map<Color, Integer> counts = new java.util.TreeMap<>();
        for (Color c : cs) counts.merge(c, 1, Integer::sum);
        System.out.println(counts);
    }
}
