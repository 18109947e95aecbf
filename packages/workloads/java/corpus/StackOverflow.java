/** StackOverflowError is catchable, the program continues, and deep-but-bounded recursion still works. */
public class StackOverflow {
    static int depth = 0;
    static void down() { depth++; down(); }
    static int sumTo(int n) { return n == 0 ? 0 : n + sumTo(n - 1); }

    public static void main(String[] args) {
        try {
            down();
        } catch (StackOverflowError e) {
            System.out.println("caught StackOverflowError, depth > 1000: " + (depth > 1000) + ", message " + e.getMessage());
        }
        System.out.println("sumTo(2000) = " + sumTo(2000));
        for (int round = 0; round < 3; round++) {
            depth = 0;
            try {
                down();
            } catch (Error e) {
                System.out.println("round " + round + ": " + e.getClass().getSimpleName());
            }
        }
        System.out.println("still alive");
    }
}
