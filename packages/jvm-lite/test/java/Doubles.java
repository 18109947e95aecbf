/** Double.toString and Float.toString of many pseudo-random values: JDK 17's digits, not the shortest. */
public class Doubles {
    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 42;
        StringBuilder sb = new StringBuilder();
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        for (int i = 0; i < count; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            double d = Double.longBitsToDouble(seed);
            float f = Float.intBitsToFloat((int) (seed >>> 17));
            double g = (seed >>> 11) * 0x1.0p-53 * Math.pow(10, (int) ((seed >>> 3) % 40) - 20);
            if (d == d) sb.append(d).append(' ');
            if (f == f) sb.append(f).append(' ');
            sb.append(g).append(' ').append((float) g).append(' ').append((float) i / 7).append(' ').append(i / 1000.0).append('\n');
        }
        System.out.print(sb);
    }
}
