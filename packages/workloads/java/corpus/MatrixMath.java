/** Double-precision numerics: matrix multiply, Gaussian elimination, power iteration, printed with %.6f and toString. */
public class MatrixMath {
    static double[][] mul(double[][] a, double[][] b) {
        int n = a.length, m = b[0].length, k = b.length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) { double s = 0; for (int t = 0; t < k; t++) s += a[i][t] * b[t][j]; c[i][j] = s; }
        return c;
    }
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) piv = r;
            double[] t = a[col]; a[col] = a[piv]; a[piv] = t;
            double tb = b[col]; b[col] = b[piv]; b[piv] = tb;
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / a[col][col];
                b[r] -= f * b[col];
                for (int c = col; c < n; c++) a[r][c] -= f * a[col][c];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int c = r + 1; c < n; c++) s -= a[r][c] * x[c];
            x[r] = s / a[r][r];
        }
        return x;
    }

    public static void main(String[] args) {
        double[][] a = {{1, 2, 3}, {4, 5, 6}, {7, 8, 10}};
        double[][] b = {{0.5, -1}, {1.5, 2}, {-2, 0.25}};
        for (double[] row : mul(a, b)) System.out.println(java.util.Arrays.toString(row));
        double[] x = solve(new double[][] {{2, 1, -1}, {-3, -1, 2}, {-2, 1, 2}}, new double[] {8, -11, -3});
        System.out.println(java.util.Arrays.toString(x));
        System.out.printf("%.6f %.6f %.6f%n", x[0], x[1], x[2]);
        int n = 20;
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) h[i][j] = 1.0 / (i + j + 1);
        double[] v = new double[n];
        java.util.Arrays.fill(v, 1);
        double lambda = 0;
        for (int it = 0; it < 100; it++) {
            double[] w = new double[n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) w[i] += h[i][j] * v[j];
            double norm = 0;
            for (double d : w) norm += d * d;
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) v[i] = w[i] / norm;
            lambda = norm;
        }
        System.out.println("largest eigenvalue of Hilbert(20) " + lambda);
        System.out.printf("%.10f%n", lambda);
        double integral = 0;
        int steps = 100000;
        for (int i = 0; i < steps; i++) { double t = (i + 0.5) / steps; integral += 4 / (1 + t * t); }
        System.out.println("pi ~ " + integral / steps);
        double e = 0, term = 1;
        for (int i = 1; i < 20; i++) { e += term; term /= i; }
        System.out.println("e ~ " + e + " diff " + (Math.E - e));
        float fsum = 0;
        double dsum = 0;
        for (int i = 1; i <= 100000; i++) { fsum += 1.0f / i; dsum += 1.0 / i; }
        System.out.println("harmonic float " + fsum + " double " + dsum);
    }
}
