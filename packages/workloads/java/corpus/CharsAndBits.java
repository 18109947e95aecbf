/** char arithmetic and Character classification; Integer bit twiddling and radix conversions. */
public class CharsAndBits {
    public static void main(String[] args) {
        String s = "Hello World 123 _$!";
        StringBuilder kinds = new StringBuilder();
        for (char c : s.toCharArray()) {
            kinds.append(Character.isLetter(c) ? 'L' : Character.isDigit(c) ? 'D' : Character.isWhitespace(c) ? 'W' : Character.isLetterOrDigit(c) ? '?' : 'P');
        }
        System.out.println(kinds);
        StringBuilder rot13 = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= 'a' && c <= 'z') rot13.append((char) ('a' + (c - 'a' + 13) % 26));
            else if (c >= 'A' && c <= 'Z') rot13.append((char) ('A' + (c - 'A' + 13) % 26));
            else rot13.append(c);
        }
        System.out.println(rot13);
        System.out.println(Character.toUpperCase('q') + " " + Character.toLowerCase('Q') + " " + Character.isUpperCase('a') + " " + Character.isLowerCase('a') + " " + Character.getNumericValue('7') + " " + Character.digit('f', 16) + " " + Character.forDigit(11, 16) + " " + Character.isJavaIdentifierStart('$'));
        System.out.println((int) Character.MAX_VALUE + " " + Character.toString(97) + " " + Character.valueOf('z').compareTo('a') + " " + Character.toChars(66)[0] + " " + ('a' + 'b') + " " + (char) ('a' + 'b' - 'a') + " " + Character.isAlphabetic('x') + " " + Character.isSpaceChar(' '));
        char c = 'x';
        c -= 23;
        System.out.println(c + " " + c++ + " " + ++c + " " + (c * 2) + " " + (char) (c * 2 % 128));
        int[] vals = {0, 1, -1, 255, 1024, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x55AA55AA, 123456789};
        for (int v : vals) {
            System.out.println(v + " bin=" + Integer.toBinaryString(v) + " hex=" + Integer.toHexString(v) + " oct=" + Integer.toOctalString(v) + " bits=" + Integer.bitCount(v) + " nlz=" + Integer.numberOfLeadingZeros(v) + " ntz=" + Integer.numberOfTrailingZeros(v) + " hi=" + Integer.highestOneBit(v) + " lo=" + Integer.lowestOneBit(v) + " rev=" + Integer.reverse(v) + " rb=" + Integer.reverseBytes(v) + " rl=" + Integer.rotateLeft(v, 5) + " rr=" + Integer.rotateRight(v, 5));
        }
        System.out.println(Integer.toString(255, 16) + " " + Integer.toString(-255, 7) + " " + Integer.toString(1295, 36) + " " + Integer.parseInt("-ff", 16) + " " + Integer.parseInt("zz", 36) + " " + Integer.parseInt("1010", 2) + " " + Integer.valueOf("0777".substring(1), 8) + " " + Integer.decode("0x10") + " " + Integer.decode("-010"));
        System.out.println(Integer.parseInt("+7") + " " + Integer.parseInt("-2147483648") + " " + Integer.MAX_VALUE + " " + Integer.SIZE + " " + Long.BYTES + " " + Short.MAX_VALUE + " " + Byte.MIN_VALUE + " " + (int) Character.MIN_VALUE);
        for (String bad : new String[] {"", "abc", "2147483648", "12 ", "-", "0x10"}) {
            try {
                Integer.parseInt(bad);
            } catch (NumberFormatException e) {
                System.out.println("NFE " + e.getMessage());
            }
        }
        int flags = 0;
        flags |= 1 << 3;
        flags |= 1 << 7;
        flags &= ~(1 << 3);
        flags ^= 0xF0;
        System.out.println(flags + " " + Integer.toBinaryString(flags) + " " + ((flags & (1 << 6)) != 0) + " " + (flags & -flags));
        System.out.println(Short.parseShort("-300") + " " + Byte.parseByte("7f", 16) + " " + Short.toUnsignedInt((short) -1) + " " + Byte.toUnsignedInt((byte) -1) + " " + Short.reverseBytes((short) 0x1234) + " " + Character.reverseBytes('\u1234'));
    }
}
