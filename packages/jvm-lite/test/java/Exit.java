/** System.exit status and output flushing; finally blocks do not run after exit. */
public class Exit {
    public static void main(String[] args) {
        System.out.println("out before");
        System.err.println("err before");
        try { System.exit(args.length > 0 ? Integer.parseInt(args[0]) : 3); }
        finally { System.out.println("finally must not print"); }
    }
}
