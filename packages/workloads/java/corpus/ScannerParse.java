import java.util.InputMismatchException;
import java.util.NoSuchElementException;
import java.util.Scanner;

/** java.util.Scanner over a String: tokens, nextInt/nextLong/nextDouble, nextLine mixing, hasNext checks. */
public class ScannerParse {
    public static void main(String[] args) {
        String input = "3\n10 20 30\nhello world\n  -7   2.5 true\nlast line here\n42 abc\n";
        Scanner sc = new Scanner(input);
        int n = sc.nextInt();
        int sum = 0;
        for (int i = 0; i < n; i++) sum += sc.nextInt();
        System.out.println("n=" + n + " sum=" + sum);
        System.out.println("rest of line: [" + sc.nextLine() + "]");
        System.out.println("line: [" + sc.nextLine() + "]");
        System.out.println(sc.hasNextInt() + " " + sc.nextInt() + " " + sc.hasNextInt() + " " + sc.hasNextDouble() + " " + sc.nextDouble() + " " + sc.nextBoolean());
        sc.nextLine();
        System.out.println("[" + sc.nextLine() + "]");
        System.out.println(sc.nextLong() + " " + sc.hasNextInt() + " " + sc.hasNext());
        try {
            sc.nextInt();
        } catch (InputMismatchException e) {
            System.out.println("mismatch, token still there: " + sc.next());
        }
        System.out.println(sc.hasNext() + " " + sc.hasNextLine());
        try {
            sc.next();
        } catch (NoSuchElementException e) {
            System.out.println("no more tokens");
        }
        Scanner words = new Scanner("the  quick\tbrown\n\nfox");
        int count = 0;
        while (words.hasNext()) { System.out.print(words.next().toUpperCase() + "|"); count++; }
        System.out.println(" " + count);
        Scanner lines = new Scanner("a\n\nb\r\nc");
        while (lines.hasNextLine()) System.out.print("<" + lines.nextLine() + ">");
        System.out.println();
        Scanner nums = new Scanner("1 2 x 3 4.5 -6 +7");
        long total = 0;
        while (nums.hasNext()) {
            if (nums.hasNextInt()) total += nums.nextInt();
            else System.out.print("skip:" + nums.next() + " ");
        }
        System.out.println("total " + total);
        Scanner delim = new Scanner("a,b,,c").useDelimiter(",");
        while (delim.hasNext()) System.out.print("[" + delim.next() + "]");
        System.out.println();
        Scanner big = new Scanner("2147483647 2147483648 -2147483648 9223372036854775807");
        System.out.println(big.nextInt() + " " + big.hasNextInt() + " " + big.nextLong() + " " + big.nextInt() + " " + big.nextLong());
    }
}
