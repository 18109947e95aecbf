/** System.out.printf and PrintStream.format: a receipt table, padding and numeric columns. */
public class Printf {
    public static void main(String[] args) {
        String[] items = {"apple", "banana split", "kiwi", "dragon fruit extra"};
        int[] qty = {3, 1, 12, 2};
        double[] price = {0.5, 4.25, 0.333, 7.125};
        System.out.printf("%-20s %5s %10s%n", "item", "qty", "total");
        System.out.printf("%s%n", "-".repeat(37));
        double sum = 0;
        for (int i = 0; i < items.length; i++) {
            double total = qty[i] * price[i];
            sum += total;
            System.out.printf("%-20.20s %5d %10.2f%n", items[i], qty[i], total);
        }
        System.out.printf("%-20s %5s %10.2f%n", "sum", "", sum);
        System.out.format("%d%% done, %s%n", 75, "ok");
        for (int i = 1; i <= 1000000; i *= 10) System.out.printf("%7d|%-7d|%07d|%,9d%n", i, i, i, i);
        for (int e = -3; e <= 3; e++) {
            double v = Math.pow(10, e) * 1.23456;
            System.out.printf("%12.5f %12.3e %s%n", v, v, v);
        }
        System.out.printf("%c%c%c%n", 'J', 'V', 'M');
        System.out.printf("%5.1f%%%n", 99.95);
        System.out.printf("%b %b%n", 0, "");
        System.out.printf("no args%n");
        System.out.printf("%s and %s%n", "first", 2);
        System.out.println(String.format("|%20.10f|", Math.PI * 1e6));
        System.out.printf("%x %o %X%n", 3735928559L, 511, 3735928559L);
    }
}
