/** Loops of every shape: labeled break/continue, do-while, nested loops, ternaries, short-circuits. */
public class ControlFlow {
    static int calls = 0;
    static boolean t(String s) { calls++; System.out.print(s); return true; }
    static boolean f(String s) { calls++; System.out.print(s); return false; }

    public static void main(String[] args) {
        outer:
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                if (j == 3) continue outer;
                if (i == 3) break outer;
                System.out.print(i * 10 + j + " ");
            }
        }
        System.out.println();
        int n = 27, steps = 0;
        while (n != 1) { n = (n % 2 == 0) ? n / 2 : 3 * n + 1; steps++; }
        System.out.println("collatz(27) steps " + steps);
        int k = 0;
        do { k += 3; } while (k < 10);
        System.out.println("k " + k);
        int found = -1;
        search:
        {
            for (int a = 1; a < 50; a++)
                for (int b = a; b < 50; b++) {
                    int c2 = a * a + b * b;
                    int c = (int) Math.sqrt(c2);
                    if (c * c == c2 && a + b + c == 40) { found = a * 10000 + b * 100 + c; break search; }
                }
            System.out.println("not reached");
        }
        System.out.println("triple " + found);
        boolean r = f("A") && t("B") || t("C") && f("D") || t("E");
        System.out.println(" -> " + r + " calls " + calls);
        int x = 0;
        x += x++ + ++x;
        System.out.println("x " + x);
        int y = 5;
        y = y-- - --y;
        System.out.println("y " + y);
        int[] arr = {5, 3, 8};
        int idx = 0;
        arr[idx++] = arr[idx] * 10;
        System.out.println(arr[0] + " " + arr[1] + " idx " + idx);
        long sum = 0;
        for (int i = 0, j = 10; i < j; i++, j--) sum += (long) i * j;
        System.out.println("sum " + sum);
        StringBuilder sb = new StringBuilder();
        for (char c = 'z'; c >= 'a'; c -= 5) sb.append(c);
        System.out.println(sb);
        int count = 0;
        for (;;) { if (++count >= 7) break; }
        System.out.println("count " + count);
        String grade = count > 5 ? count > 6 ? "A" : "B" : "C";
        System.out.println(grade);
        int bits = 0b1011_0110;
        int hex = 0xFF_FF;
        long underscore = 1_000_000_000_000L;
        System.out.println(bits + " " + hex + " " + underscore + " " + 0777 + " " + 'A' + 1);
    }
}
