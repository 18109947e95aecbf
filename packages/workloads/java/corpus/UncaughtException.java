/** An uncaught RuntimeException thrown three frames deep: stack trace with line numbers on stderr, exit 1. */
public class UncaughtException {
    static int depth(int n) {
        if (n == 0) throw new IllegalStateException("deep failure at level " + n);
        return depth(n - 1) + 1;
    }

    static void middle() {
        System.out.println("about to fail");
        depth(2);
    }

    public static void main(String[] args) {
        System.out.println("start");
        middle();
        System.out.println("never printed");
    }
}
