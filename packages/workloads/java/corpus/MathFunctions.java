/** java.lang.Math: exactly rounded functions printed in full, transcendental ones at fixed precision. */
public class MathFunctions {
    public static void main(String[] args) {
        double[] xs = {0, 0.5, 1, 2, 3, 10, 100, 1e-10, 12345.678, -4};
        for (double x : xs) {
            System.out.println(x + ": sqrt=" + Math.sqrt(x) + " cbrt=" + String.format("%.12f", Math.cbrt(x)) + " exp=" + String.format("%.10e", Math.exp(x)) + " log=" + String.format("%.12f", Math.log(x)) + " log10=" + String.format("%.12f", Math.log10(x)));
        }
        for (int deg = 0; deg <= 360; deg += 45) {
            double r = Math.toRadians(deg);
            System.out.printf("%3d %.10f %.10f %.6f%n", deg, Math.sin(r), Math.cos(r), Math.abs(Math.cos(r)) < 1e-9 ? 0.0 : Math.tan(r));
        }
        System.out.printf("%.12f %.12f %.12f %.12f%n", Math.atan(1) * 4, Math.atan2(1, -1), Math.asin(0.5), Math.acos(-1));
        System.out.printf("%.9f %.9f %.9f %.9f%n", Math.sinh(1), Math.cosh(1), Math.tanh(0.5), Math.hypot(3, 4));
        System.out.println(Math.pow(2, 10) + " " + Math.pow(2, -2) + " " + Math.pow(-8, 1.0 / 3) + " " + Math.pow(0, 0) + " " + Math.pow(10, 15) + " " + Math.pow(1.5, 2) + " " + Math.pow(2, 0.5) + " " + Math.pow(Double.NaN, 0));
        System.out.println(Math.floor(-2.5) + " " + Math.ceil(2.1) + " " + Math.round(2.4999) + " " + Math.abs(-7) + " " + Math.abs(-7.5f) + " " + Math.max(1L, 2L) + " " + Math.min(-1.5f, -1.25f) + " " + Math.signum(0.0) + " " + Math.signum(-3f));
        System.out.println(Math.floorDiv(-7, 2) + " " + Math.floorMod(-7, 2) + " " + Math.floorDiv(7L, -2L) + " " + Math.floorMod(7, -2) + " " + Math.abs(Long.MIN_VALUE) + " " + Math.negateExact(5));
        System.out.println(Math.addExact(1, 2) + " " + Math.multiplyExact(100000L, 100000L) + " " + Math.toIntExact(123L) + " " + Math.incrementExact(9));
        for (Runnable r : new Runnable[] {
            () -> Math.addExact(Integer.MAX_VALUE, 1), () -> Math.multiplyExact(Long.MAX_VALUE, 2L),
            () -> Math.toIntExact(1L << 40), () -> Math.subtractExact(Integer.MIN_VALUE, 1), () -> Math.negateExact(Integer.MIN_VALUE)}) {
            try {
                r.run();
            } catch (ArithmeticException e) {
                System.out.println("ArithmeticException: " + e.getMessage());
            }
        }
        System.out.println(Math.PI + " " + Math.E + " " + Math.toDegrees(Math.PI) + " " + Math.fma(2.0, 3.0, 1.0) + " " + Math.scalb(1.5, 4) + " " + Math.getExponent(1024.0) + " " + Math.IEEEremainder(10, 3));
        double sum = 0;
        for (int i = 1; i <= 1000; i++) sum += Math.sqrt(i) / i;
        System.out.println(sum + " " + StrictMath.sqrt(2) + " " + StrictMath.floor(-0.5) + " " + StrictMath.abs(-3));
    }
}
