import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** A tiny bytecode interpreter in Java: parse, compile to an int array, run with a stack and locals. */
public class StackMachine {
    static final int PUSH = 0, ADD = 1, SUB = 2, MUL = 3, LOAD = 4, STORE = 5, JNZ = 6, JMP = 7, PRINT = 8, HALT = 9, DUP = 10, LT = 11;

    static int[] assemble(String src, Map<String, Integer> labels) {
        String[] lines = src.split("\n");
        int pc = 0;
        for (String line : lines) {
            line = line.trim();
            if (line.isEmpty()) continue;
            if (line.endsWith(":")) labels.put(line.substring(0, line.length() - 1), pc);
            else pc += line.contains(" ") ? 2 : 1;
        }
        int[] code = new int[pc];
        pc = 0;
        for (String line : lines) {
            line = line.trim();
            if (line.isEmpty() || line.endsWith(":")) continue;
            String[] parts = line.split(" ");
            int op = switch (parts[0]) {
                case "push" -> PUSH; case "add" -> ADD; case "sub" -> SUB; case "mul" -> MUL;
                case "load" -> LOAD; case "store" -> STORE; case "jnz" -> JNZ; case "jmp" -> JMP;
                case "print" -> PRINT; case "halt" -> HALT; case "dup" -> DUP; case "lt" -> LT;
                default -> throw new IllegalArgumentException("bad op " + parts[0]);
            };
            code[pc++] = op;
            if (parts.length > 1) code[pc++] = labels.containsKey(parts[1]) ? labels.get(parts[1]) : Integer.parseInt(parts[1]);
        }
        return code;
    }

    static long run(int[] code, StringBuilder out) {
        Deque<Long> stack = new ArrayDeque<>();
        long[] locals = new long[8];
        int pc = 0;
        long steps = 0;
        while (true) {
            steps++;
            int op = code[pc++];
            switch (op) {
                case PUSH -> stack.push((long) code[pc++]);
                case ADD -> stack.push(stack.pop() + stack.pop());
                case SUB -> { long b = stack.pop(), a = stack.pop(); stack.push(a - b); }
                case MUL -> stack.push(stack.pop() * stack.pop());
                case LT -> { long b = stack.pop(), a = stack.pop(); stack.push(a < b ? 1L : 0L); }
                case LOAD -> stack.push(locals[code[pc++]]);
                case STORE -> locals[code[pc++]] = stack.pop();
                case JNZ -> { int target = code[pc++]; if (stack.pop() != 0) pc = target; }
                case JMP -> pc = code[pc];
                case DUP -> stack.push(stack.peek());
                case PRINT -> out.append(stack.pop()).append(' ');
                case HALT -> { return steps; }
                default -> throw new IllegalStateException("bad opcode " + op);
            }
        }
    }

    public static void main(String[] args) {
        String factorial = """
            push 1
            store 0
            push 1
            store 1
            loop:
            load 0
            load 1
            mul
            dup
            print
            store 0
            load 1
            push 1
            add
            dup
            store 1
            push 21
            lt
            jnz loop
            halt
            """;
        Map<String, Integer> labels = new HashMap<>();
        int[] code = assemble(factorial, labels);
        StringBuilder out = new StringBuilder();
        long steps = run(code, out);
        System.out.println(out.toString().trim());
        System.out.println("steps " + steps + " code size " + code.length + " labels " + labels);
        String fib = "push 0\nstore 0\npush 1\nstore 1\npush 0\nstore 2\nl:\nload 0\nprint\nload 0\nload 1\nadd\nload 1\nstore 0\nstore 1\nload 2\npush 1\nadd\ndup\nstore 2\npush 30\nlt\njnz l\nhalt";
        StringBuilder out2 = new StringBuilder();
        System.out.println("steps " + run(assemble(fib, new HashMap<>()), out2));
        System.out.println(out2.toString().trim());
    }
}
