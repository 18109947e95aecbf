import java.util.Random;

/** java.util.Random: the 48-bit LCG, bounded ints (power of two and rejection paths), longs, doubles, Gaussians. */
public class RandomNumbers {
    public static void main(String[] args) {
        Random r = new Random(42);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) sb.append(r.nextInt()).append(' ');
        System.out.println(sb.toString().trim());
        sb.setLength(0);
        for (int bound : new int[] {1, 2, 10, 16, 100, 1000, 1 << 30, Integer.MAX_VALUE, (1 << 30) + 1}) sb.append(r.nextInt(bound)).append(' ');
        System.out.println(sb.toString().trim());
        System.out.println(r.nextLong() + " " + r.nextLong() + " " + r.nextBoolean() + " " + r.nextBoolean());
        System.out.println(r.nextDouble() + " " + r.nextDouble() + " " + r.nextFloat() + " " + r.nextFloat());
        Random g = new Random(2024);
        for (int i = 0; i < 5; i++) System.out.println(g.nextGaussian());
        Random seeded = new Random(-1L);
        System.out.println(seeded.nextInt(6) + " " + seeded.nextInt(6) + " " + seeded.nextInt(6));
        seeded.setSeed(123);
        int[] hist = new int[6];
        for (int i = 0; i < 60000; i++) hist[seeded.nextInt(6)]++;
        System.out.println(java.util.Arrays.toString(hist));
        Random z = new Random(0);
        byte[] bytes = new byte[10];
        z.nextBytes(bytes);
        System.out.println(java.util.Arrays.toString(bytes));
        Random big = new Random(Long.MAX_VALUE);
        long acc = 0;
        for (int i = 0; i < 1000; i++) acc += big.nextInt(1000000007);
        System.out.println(acc);
        double sum = 0;
        for (int i = 0; i < 1000; i++) sum += big.nextDouble();
        System.out.println(sum);
        System.out.println(new Random(5).nextInt(5, 10) + " " + new Random(5).nextLong(100L) + " " + new Random(9).nextDouble(1.0, 2.0));
        long s = 0x5DEECE66DL;
        System.out.println(new Random(s).nextInt() + " " + new Random(0).nextInt() + " " + new Random(1).nextGaussian());
    }
}
