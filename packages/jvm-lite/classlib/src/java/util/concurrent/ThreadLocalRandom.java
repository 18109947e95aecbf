package java.util.concurrent;

import java.util.Random;

/**
 * The per-thread random generator. Seeded from the clock like the JDK's (its numbers are not
 * reproducible there either); implemented as one java.util.Random per thread.
 */
public class ThreadLocalRandom extends Random {
    private static final ThreadLocal<ThreadLocalRandom> LOCAL = ThreadLocal.withInitial(ThreadLocalRandom::new);

    private ThreadLocalRandom() {
        super(System.nanoTime() ^ Thread.currentThread().getId() * 0x9E3779B97F4A7C15L);
    }

    public static ThreadLocalRandom current() {
        return LOCAL.get();
    }

    @Override
    public void setSeed(long seed) {
        // The JDK forbids reseeding (UnsupportedOperationException) once constructed.
        if (LOCAL != null && LOCAL.get() == this) throw new UnsupportedOperationException();
        super.setSeed(seed);
    }
}
