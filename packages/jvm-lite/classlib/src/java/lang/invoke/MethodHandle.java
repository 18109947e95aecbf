package java.lang.invoke;

/** Only the type exists: jvm-lite links the standard bootstrap methods natively (see src/interp/indy.ts). */
public abstract class MethodHandle {
    MethodHandle() {}
}
