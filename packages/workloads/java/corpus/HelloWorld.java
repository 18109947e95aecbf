/** The smallest program: println of a literal, of a concatenation and of primitives. */
public class HelloWorld {
    public static void main(String[] args) {
        System.out.println("Hello, World!");
        int answer = 42;
        System.out.println("The answer is " + answer);
        System.out.println(3.5);
        System.out.println('x');
        System.out.println(true);
        System.out.println(123456789012L);
        System.out.print("no newline, ");
        System.out.print(7);
        System.out.println();
        System.out.println(args.length + " arguments");
        char[] chars = {'a', 'b', 'c'};
        System.out.println(chars);
        System.out.println((Object) null);
        String s = null;
        System.out.println("null concat: " + s);
    }
}
