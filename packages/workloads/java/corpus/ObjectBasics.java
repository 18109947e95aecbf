/** java.lang.Object and Class basics: getClass names of nested/anonymous/array types, equals defaults, clone. */
public class ObjectBasics {
    static class Plain {}
    static class Cell implements Cloneable {
        int[] data = {1, 2};
        String label = "cell";
        @Override protected Cell clone() throws CloneNotSupportedException { return (Cell) super.clone(); }
    }
    static class NotCloneable { Object tryClone() throws CloneNotSupportedException { return clone(); } }
    enum Kind { A, B { } }

    public static void main(String[] args) throws Exception {
        Plain p = new Plain();
        System.out.println(p.equals(p) + " " + p.equals(new Plain()) + " " + (p.hashCode() == p.hashCode()));
        Object anon = new Object() {};
        System.out.println(Plain.class.getName() + " " + Plain.class.getSimpleName() + " " + anon.getClass().getName() + " " + anon.getClass().getSimpleName().isEmpty());
        System.out.println(String.class.getName() + " " + int.class.getName() + " " + Integer.TYPE + " " + void.class + " " + String.class + " " + Runnable.class);
        System.out.println(Kind.A.getClass().getName() + " " + Kind.B.getClass().getName() + " " + Kind.B.getDeclaringClass().getName() + " " + Kind.class.isEnum());
        System.out.println(new int[0][0].getClass().getSimpleName() + " " + String[].class.getName() + " " + String[].class.getComponentType().getName() + " " + int[].class.isArray());
        Cell c = new Cell();
        Cell d = c.clone();
        d.data[0] = 100;
        d.label = "copy";
        System.out.println(c.data[0] + " " + c.label + " " + d.label + " " + (c.data == d.data) + " " + (c != d));
        try {
            new NotCloneable().tryClone();
        } catch (CloneNotSupportedException e) {
            System.out.println("CloneNotSupportedException: " + e.getMessage());
        }
        Object o = new ObjectBasics();
        System.out.println(o.getClass() == ObjectBasics.class);
        System.out.println(Plain.class.getSuperclass().getName() + " " + Object.class.getSuperclass() + " " + Integer.class.getSuperclass().getSimpleName() + " " + Cell.class.getEnclosingClass().getSimpleName());
        Class<?> k = Class.forName("ObjectBasics$Plain");
        System.out.println(k == Plain.class);
        System.out.println(Integer.class.isInstance(5) + " " + Number.class.isAssignableFrom(Integer.class) + " " + Comparable.class.isAssignableFrom(String.class) + " " + int.class.isPrimitive());
        String s = "text";
        System.out.println(s.toString() == s);
        Boolean b = Boolean.TRUE;
        System.out.println(b.toString() + " " + Character.valueOf('c').toString() + " " + Double.valueOf(1).toString());
    }
}
