/** switch on strings (hash collisions included), switch expressions with yield, fallthrough. */
public class StringSwitch {
    static int code(String s) {
        switch (s) {
            case "apple": return 1;
            case "banana": return 2;
            case "Aa": return 3;
            case "BB": return 4; // same hashCode as "Aa"
            case "": return 5;
            default: return -1;
        }
    }

    static String kind(String day) {
        return switch (day) {
            case "sat", "sun" -> "weekend";
            case "mon", "tue", "wed", "thu", "fri" -> "weekday";
            default -> {
                String t = day.trim();
                yield t.isEmpty() ? "blank" : "unknown:" + t;
            }
        };
    }

    static String fallthrough(int n) {
        StringBuilder sb = new StringBuilder();
        switch (n) {
            case 1: sb.append("one ");
            case 2: sb.append("two ");
                break;
            case 3: sb.append("three ");
            default: sb.append("default ");
            case 10: sb.append("ten ");
        }
        return sb.toString().trim();
    }

    static int sparse(int x) {
        switch (x) {
            case -1000000: return 1;
            case 0: return 2;
            case 7: return 3;
            case 1 << 20: return 4;
            case Integer.MAX_VALUE: return 5;
            case Integer.MIN_VALUE: return 6;
            default: return 0;
        }
    }

    static int dense(char c) {
        switch (c) {
            case 'a': return 10;
            case 'b': return 11;
            case 'c': return 12;
            case 'd': return 13;
            case 'f': return 15;
            default: return -1;
        }
    }

    public static void main(String[] args) {
        String[] words = {"apple", "banana", "Aa", "BB", "", "cherry", "AaAa", "BBBB"};
        for (String w : words) System.out.println("'" + w + "' -> " + code(w) + " hash " + w.hashCode());
        for (String d : new String[] {"sat", "wed", "  holiday ", "   "}) System.out.println(d + ": " + kind(d));
        for (int i = 0; i <= 11; i++) System.out.println(i + ": " + fallthrough(i));
        int[] xs = {-1000000, 0, 7, 1 << 20, Integer.MAX_VALUE, Integer.MIN_VALUE, 8};
        for (int x : xs) System.out.print(sparse(x) + " ");
        System.out.println();
        for (char c = 'a'; c <= 'g'; c++) System.out.print(dense(c) + " ");
        System.out.println();
        int total = 0;
        for (int i = -2; i < 6; i++) {
            total += switch (i) {
                case 0 -> 1;
                case 1, 2 -> 10;
                case 3 -> 100;
                default -> i < 0 ? -1000 : 1000;
            };
        }
        System.out.println("total " + total);
    }
}
