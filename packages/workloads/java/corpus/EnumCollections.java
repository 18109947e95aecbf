import java.util.BitSet;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Stack;
import java.util.StringTokenizer;
import java.util.Vector;

/** EnumSet and EnumMap (ordinal order), BitSet, StringTokenizer and the legacy Vector/Stack. */
public class EnumCollections {
    enum Day { MON, TUE, WED, THU, FRI, SAT, SUN }
    enum Suit { CLUBS { }, DIAMONDS, HEARTS, SPADES }

    public static void main(String[] args) {
        EnumSet<Day> weekend = EnumSet.of(Day.SAT, Day.SUN);
        EnumSet<Day> weekdays = EnumSet.complementOf(weekend);
        EnumSet<Day> mid = EnumSet.range(Day.TUE, Day.THU);
        System.out.println(weekend + " " + weekdays + " " + mid + " " + EnumSet.allOf(Day.class) + " " + EnumSet.noneOf(Day.class));
        EnumSet<Day> s = EnumSet.of(Day.SUN, Day.MON, Day.FRI, Day.MON);
        s.add(Day.WED);
        s.remove(Day.MON);
        System.out.println(s + " " + s.size() + " " + s.contains(Day.FRI) + " " + s.contains(Day.MON) + " " + s.containsAll(weekend) + " " + EnumSet.copyOf(java.util.List.of(Day.THU, Day.TUE)));
        Iterator<Day> it = s.iterator();
        while (it.hasNext()) if (it.next() == Day.FRI) it.remove();
        System.out.println(s + " " + s.equals(EnumSet.of(Day.WED, Day.SUN)) + " " + EnumSet.of(Suit.CLUBS, Suit.SPADES) + " " + EnumSet.allOf(Suit.class).size());
        EnumMap<Day, Integer> hours = new EnumMap<>(Day.class);
        hours.put(Day.FRI, 6);
        hours.put(Day.MON, 8);
        hours.put(Day.WED, null);
        hours.merge(Day.MON, 1, Integer::sum);
        System.out.println(hours + " " + hours.size() + " " + hours.containsKey(Day.WED) + " " + hours.get(Day.WED) + " " + hours.containsValue(null) + " " + hours.keySet() + " " + hours.values());
        for (Map.Entry<Day, Integer> e : hours.entrySet()) if (e.getValue() != null) e.setValue(e.getValue() * 10);
        hours.remove(Day.WED);
        EnumMap<Suit, String> suits = new EnumMap<>(Map.of(Suit.SPADES, "s", Suit.HEARTS, "h"));
        System.out.println(hours + " " + suits + " " + new EnumMap<>(hours).equals(hours));
        BitSet bits = new BitSet();
        for (int i = 0; i < 100; i += 7) bits.set(i);
        BitSet odd = new BitSet(128);
        for (int i = 1; i < 128; i += 2) odd.set(i);
        System.out.println(bits + " " + bits.cardinality() + " " + bits.length() + " " + bits.size() + " " + odd.size() + " " + bits.nextSetBit(50) + " " + bits.nextClearBit(0) + " " + bits.previousSetBit(50));
        BitSet and = (BitSet) bits.clone();
        and.and(odd);
        BitSet or = (BitSet) bits.clone();
        or.or(odd);
        BitSet xor = (BitSet) bits.clone();
        xor.xor(odd);
        bits.andNot(odd);
        System.out.println(and + " " + or.cardinality() + " " + xor.cardinality() + " " + bits + " " + and.intersects(odd) + " " + bits.intersects(odd));
        BitSet ranged = new BitSet();
        ranged.set(10, 20);
        ranged.clear(12, 15);
        ranged.flip(18, 25);
        System.out.println(ranged + " " + ranged.get(10, 20) + " " + ranged.hashCode() + " " + new BitSet().isEmpty() + " " + java.util.Arrays.toString(ranged.toLongArray()) + " " + ranged.equals(BitSet.valueOf(ranged.toLongArray())));
        BitSet sieve = new BitSet(1000);
        sieve.set(2, 1000);
        for (int p = 2; p * p < 1000; p = sieve.nextSetBit(p + 1)) for (int m = p * p; m < 1000; m += p) sieve.clear(m);
        System.out.println("primes < 1000: " + sieve.cardinality() + ", last " + sieve.previousSetBit(999));
        StringTokenizer st = new StringTokenizer("the quick\tbrown\n fox  jumps");
        System.out.print(st.countTokens() + ":");
        while (st.hasMoreTokens()) System.out.print(" [" + st.nextToken() + "]");
        System.out.println();
        StringTokenizer csv = new StringTokenizer("a,b;;c,d", ",;", true);
        StringBuilder sb = new StringBuilder();
        while (csv.hasMoreElements()) sb.append('<').append(csv.nextElement()).append('>');
        System.out.println(sb + " " + new StringTokenizer("k=v;x=y", ";").nextToken("="));
        Stack<Integer> stack = new Stack<>();
        for (int i = 1; i <= 5; i++) stack.push(i * i);
        System.out.println(stack + " " + stack.peek() + " " + stack.pop() + " " + stack.search(4) + " " + stack.search(99) + " " + stack.empty() + " " + stack.size());
        try {
            new Stack<String>().pop();
        } catch (java.util.EmptyStackException e) {
            System.out.println("EmptyStackException " + e.getMessage());
        }
        Vector<String> v = new Vector<>(3);
        for (String w : "one two three four".split(" ")) v.addElement(w);
        v.insertElementAt("zero", 0);
        v.removeElement("two");
        System.out.println(v + " " + v.capacity() + " " + v.firstElement() + " " + v.lastElement() + " " + v.elementAt(1) + " " + v.indexOf("four"));
        StringBuilder e = new StringBuilder();
        for (java.util.Enumeration<String> en = v.elements(); en.hasMoreElements();) e.append(en.nextElement().charAt(0));
        System.out.println(e);
    }
}
