/** Dispatch: overriding vs overloading (static types choose overloads), field hiding, super calls, static hiding. */
public class Polymorphism {
    static class Animal {
        String name = "animal";
        static String kind() { return "Animal.kind"; }
        String speak() { return "..."; }
        String intro() { return "I am " + name + " and I say " + speak(); }
        String meet(Animal a) { return "animal meets animal"; }
        String meet(Dog d) { return "animal meets dog"; }
    }
    static class Dog extends Animal {
        String name = "dog";
        static String kind() { return "Dog.kind"; }
        @Override String speak() { return "woof"; }
        @Override String meet(Animal a) { return "dog meets animal"; }
        @Override String meet(Dog d) { return "dog meets dog"; }
        String superIntro() { return super.intro() + " / super.speak=" + super.speak() + " / super.name=" + super.name; }
    }
    static class Puppy extends Dog {
        @Override String speak() { return "yip"; }
        @Override String intro() { return "puppy! " + super.intro(); }
    }
    static abstract class Account {
        protected long cents;
        abstract double rate();
        void accrue() { cents += Math.round(cents * rate()); }
        @Override public String toString() { return getClass().getSimpleName() + ":" + cents; }
    }
    static class Savings extends Account { double rate() { return 0.05; } }
    static class Checking extends Account { double rate() { return 0.001; } @Override void accrue() { super.accrue(); cents -= 1; } }

    static String over(Object o) { return "Object"; }
    static String over(String s) { return "String"; }
    static String over(Integer i) { return "Integer"; }

    public static void main(String[] args) {
        Animal a = new Dog();
        Dog d = new Dog();
        Animal p = new Puppy();
        System.out.println(a.speak() + " " + a.name + " " + ((Dog) a).name + " " + a.intro());
        System.out.println(a.meet(a) + " | " + a.meet(d) + " | " + d.meet(a) + " | " + new Animal().meet(d));
        System.out.println(p.intro());
        System.out.println(d.superIntro());
        System.out.println(Animal.kind() + " " + Dog.kind());
        Object o = "string";
        System.out.println(over(o) + " " + over("s") + " " + over(5) + " " + over((Object) 5));
        Account[] accts = {new Savings(), new Checking(), new Savings()};
        long seed = 1000;
        for (Account acc : accts) { acc.cents = seed; seed *= 3; }
        for (int year = 0; year < 10; year++) for (Account acc : accts) acc.accrue();
        for (Account acc : accts) System.out.println(acc);
        Animal[] zoo = {new Animal(), new Dog(), new Puppy()};
        StringBuilder sb = new StringBuilder();
        for (Animal z : zoo) sb.append(z.speak()).append(z instanceof Dog ? "(dog)" : "").append(' ');
        System.out.println(sb.toString().trim());
        System.out.println(zoo[2].getClass().getSuperclass().getSimpleName() + " " + (zoo[2] instanceof Animal) + " " + Dog.class.isInstance(zoo[0]) + " " + Animal.class.isAssignableFrom(Puppy.class));
    }
}
