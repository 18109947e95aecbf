package java.util;

/** The bit-vector EnumSet (any number of constants). */
final class RegularEnumSet<E extends Enum<E>> extends EnumSet<E> {
    private long[] elements;

    RegularEnumSet(Class<E> elementType, Enum<?>[] universe) {
        super(elementType, universe);
        elements = new long[(universe.length + 63) >>> 6];
    }

    void addRange(E from, E to) {
        for (int i = from.ordinal(); i <= to.ordinal(); i++) elements[i >>> 6] |= 1L << i;
    }

    void addAll() {
        for (int i = 0; i < universe.length; i++) elements[i >>> 6] |= 1L << i;
    }

    void complement() {
        for (int i = 0; i < universe.length; i++) elements[i >>> 6] ^= 1L << i;
    }

    public Iterator<E> iterator() {
        return new Iterator<E>() {
            int next = advance(0);
            int lastReturned = -1;

            private int advance(int from) {
                for (int i = from; i < universe.length; i++) if ((elements[i >>> 6] & (1L << i)) != 0) return i;
                return -1;
            }

            public boolean hasNext() {
                return next >= 0;
            }

            @SuppressWarnings("unchecked")
            public E next() {
                if (next < 0) throw new NoSuchElementException();
                lastReturned = next;
                next = advance(next + 1);
                return (E) universe[lastReturned];
            }

            public void remove() {
                if (lastReturned < 0) throw new IllegalStateException();
                elements[lastReturned >>> 6] &= ~(1L << lastReturned);
                lastReturned = -1;
            }
        };
    }

    public int size() {
        int n = 0;
        for (long w : elements) n += Long.bitCount(w);
        return n;
    }

    public boolean isEmpty() {
        for (long w : elements) if (w != 0) return false;
        return true;
    }

    private int ordinalOf(Object e) {
        if (e == null) return -1;
        Class<?> eClass = e.getClass();
        if (eClass != elementType && eClass.getSuperclass() != elementType) return -1;
        return ((Enum<?>) e).ordinal();
    }

    public boolean contains(Object e) {
        int o = ordinalOf(e);
        return o >= 0 && (elements[o >>> 6] & (1L << o)) != 0;
    }

    public boolean add(E e) {
        typeCheck(e);
        int o = e.ordinal();
        long old = elements[o >>> 6];
        elements[o >>> 6] |= 1L << o;
        return elements[o >>> 6] != old;
    }

    public boolean remove(Object e) {
        int o = ordinalOf(e);
        if (o < 0) return false;
        long old = elements[o >>> 6];
        elements[o >>> 6] &= ~(1L << o);
        return elements[o >>> 6] != old;
    }

    public void clear() {
        Arrays.fill(elements, 0);
    }

    public boolean equals(Object o) {
        if (o instanceof RegularEnumSet<?> es && es.elementType == elementType) return Arrays.equals(es.elements, elements);
        return super.equals(o);
    }

    @SuppressWarnings("unchecked")
    public RegularEnumSet<E> clone() {
        RegularEnumSet<E> result = (RegularEnumSet<E>) super.clone();
        result.elements = result.elements.clone();
        return result;
    }
}
