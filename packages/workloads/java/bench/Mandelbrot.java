/**
 * mandelbrot (Computer Language Benchmarks Game task, our own code): the n x n bitmap of the set over
 * [-1.5,0.5] x [-1,1], 50 iterations; prints the count of points inside and an FNV-1a hash of the
 * packed PBM bytes instead of the image. args[0] = n (default 1000).
 */
public class Mandelbrot {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int inside = 0;
        int hash = 0x811c9dc5;
        for (int y = 0; y < n; y++) {
            double ci = 2.0 * y / n - 1.0;
            int bits = 0, bitNum = 0;
            for (int x = 0; x < n; x++) {
                double cr = 2.0 * x / n - 1.5;
                double zr = 0, zi = 0, tr = 0, ti = 0;
                int i = 0;
                for (; i < 50 && tr + ti <= 4.0; i++) {
                    zi = 2.0 * zr * zi + ci;
                    zr = tr - ti + cr;
                    tr = zr * zr;
                    ti = zi * zi;
                }
                bits <<= 1;
                if (tr + ti <= 4.0) { bits |= 1; inside++; }
                if (++bitNum == 8 || x == n - 1) {
                    if (bitNum != 8) bits <<= 8 - bitNum;
                    hash = (hash ^ (bits & 0xff)) * 0x01000193;
                    bits = 0;
                    bitNum = 0;
                }
            }
        }
        System.out.println("P4 " + n + "x" + n);
        System.out.println("inside " + inside);
        System.out.printf("fnv1a %08x%n", hash);
    }
}
