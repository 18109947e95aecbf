/** System.exit(3) from inside a try with a finally: output flushed, the finally never runs, status 3. */
public class SystemExit {
    public static void main(String[] args) {
        System.out.println("before exit");
        System.err.println("to stderr");
        try {
            helper();
        } finally {
            System.out.println("finally must not run");
        }
    }

    static void helper() {
        System.out.print("partial line without newline");
        System.exit(3);
    }
}
