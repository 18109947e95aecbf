package java.lang.invoke;

public class MethodHandles {
    private MethodHandles() {}
    public static final class Lookup {
        private Lookup() {}
    }
}
