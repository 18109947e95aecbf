package java.util;

/**
 * The JDK's linear congruential generator (Knuth, TAOCP 3.2.1): 48-bit seed,
 * seed = (seed * 0x5DEECE66D + 0xB) mod 2^48, next(bits) = the top bits. Every derived method
 * (bounded ints with rejection, longs, doubles from 53 bits, Gaussians by the polar method with a
 * cached second value) consumes the generator exactly as java.util.Random documents, so a seeded
 * Random prints the same numbers as on the JDK.
 */
public class Random implements java.io.Serializable {
    private static final long MULTIPLIER = 0x5DEECE66DL;
    private static final long ADDEND = 0xBL;
    private static final long MASK = (1L << 48) - 1;
    private static final double DOUBLE_UNIT = 0x1.0p-53;
    private static final float FLOAT_UNIT = 0x1.0p-24f;

    private static long seedUniquifier = 8682522807148012L;

    private long seed;
    private double nextNextGaussian;
    private boolean haveNextNextGaussian = false;

    public Random() {
        this(nextSeedUniquifier() ^ System.nanoTime());
    }

    private static synchronized long nextSeedUniquifier() {
        seedUniquifier *= 1181783497276652981L;
        return seedUniquifier;
    }

    public Random(long seed) {
        this.seed = initialScramble(seed);
    }

    private static long initialScramble(long seed) {
        return (seed ^ MULTIPLIER) & MASK;
    }

    public synchronized void setSeed(long seed) {
        this.seed = initialScramble(seed);
        haveNextNextGaussian = false;
    }

    protected synchronized int next(int bits) {
        seed = (seed * MULTIPLIER + ADDEND) & MASK;
        return (int) (seed >>> (48 - bits));
    }

    public void nextBytes(byte[] bytes) {
        for (int i = 0, len = bytes.length; i < len;) {
            for (int rnd = nextInt(), n = Math.min(len - i, 4); n-- > 0; rnd >>= 8) bytes[i++] = (byte) rnd;
        }
    }

    public int nextInt() {
        return next(32);
    }

    public int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive");
        int r = next(31);
        int m = bound - 1;
        if ((bound & m) == 0) {
            r = (int) ((bound * (long) r) >> 31);
        } else {
            // Reject the top partial range so that every residue is equally likely.
            for (int u = r; u - (r = u % bound) + m < 0; u = next(31)) {
            }
        }
        return r;
    }

    /** RandomGenerator.nextInt(origin, bound) as JDK 17 implements it for Random. */
    public int nextInt(int origin, int bound) {
        if (origin >= bound) throw new IllegalArgumentException("bound must be greater than origin");
        int r = nextInt();
        int n = bound - origin;
        int m = n - 1;
        if ((n & m) == 0) {
            r = (r & m) + origin;
        } else if (n > 0) {
            for (int u = r >>> 1; u + m - (r = u % n) < 0; u = nextInt() >>> 1) {
            }
            r += origin;
        } else {
            while (r < origin || r >= bound) r = nextInt();
        }
        return r;
    }

    public long nextLong() {
        return ((long) (next(32)) << 32) + next(32);
    }

    /** RandomGenerator.nextLong(bound) as JDK 17 implements it for Random. */
    public long nextLong(long bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive");
        long m = bound - 1;
        long r = nextLong();
        if ((bound & m) == 0L) {
            r &= m;
        } else {
            for (long u = r >>> 1; u + m - (r = u % bound) < 0L; u = nextLong() >>> 1) {
            }
        }
        return r;
    }

    /** RandomGenerator.nextLong(origin, bound) as JDK 17 implements it for Random. */
    public long nextLong(long origin, long bound) {
        if (origin >= bound) throw new IllegalArgumentException("bound must be greater than origin");
        long r = nextLong();
        long n = bound - origin;
        long m = n - 1;
        if ((n & m) == 0L) {
            r = (r & m) + origin;
        } else if (n > 0L) {
            for (long u = r >>> 1; u + m - (r = u % n) < 0L; u = nextLong() >>> 1) {
            }
            r += origin;
        } else {
            while (r < origin || r >= bound) r = nextLong();
        }
        return r;
    }

    public boolean nextBoolean() {
        return next(1) != 0;
    }

    public float nextFloat() {
        return next(24) * FLOAT_UNIT;
    }

    public double nextDouble() {
        return (((long) (next(26)) << 27) + next(27)) * DOUBLE_UNIT;
    }

    /** RandomGenerator.nextDouble(bound). */
    public double nextDouble(double bound) {
        if (!(0.0 < bound && bound < Double.POSITIVE_INFINITY)) throw new IllegalArgumentException("bound must be finite and positive");
        double r = nextDouble();
        r = r * bound;
        if (r >= bound) r = nextDown(bound);
        return r;
    }

    /** RandomGenerator.nextDouble(origin, bound). */
    public double nextDouble(double origin, double bound) {
        if (!(origin < bound && (bound - origin) < Double.POSITIVE_INFINITY)) throw new IllegalArgumentException("bound must be greater than origin");
        double r = nextDouble();
        r = r * (bound - origin) + origin;
        if (r >= bound) r = nextDown(bound);
        return r;
    }

    /** The largest double below d (Math.nextDown). */
    private static double nextDown(double d) {
        if (Double.isNaN(d) || d == Double.NEGATIVE_INFINITY) return d;
        if (d == 0.0) return -Double.MIN_VALUE;
        return Double.longBitsToDouble(Double.doubleToRawLongBits(d) + ((d > 0.0d) ? -1L : +1L));
    }

    public synchronized double nextGaussian() {
        if (haveNextNextGaussian) {
            haveNextNextGaussian = false;
            return nextNextGaussian;
        }
        double v1, v2, s;
        do {
            v1 = 2 * nextDouble() - 1;
            v2 = 2 * nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s >= 1 || s == 0);
        double multiplier = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        nextNextGaussian = v2 * multiplier;
        haveNextNextGaussian = true;
        return v1 * multiplier;
    }

    // ---- streams (RandomGenerator's defaults as JDK 17 runs them for Random)

    private static void checkStreamSize(long streamSize) {
        if (streamSize < 0L) throw new IllegalArgumentException("size must be non-negative");
    }

    private static void checkRange(long origin, long bound) {
        if (origin >= bound) throw new IllegalArgumentException("bound must be greater than origin");
    }

    private java.util.stream.IntStream intStream(long size, java.util.function.IntSupplier next) {
        return java.util.stream.StreamSupport.intStream(new PrimitiveIterator.OfInt() {
            long left = size;

            public boolean hasNext() { return left != 0; }

            public int nextInt() {
                if (left == 0) throw new NoSuchElementException();
                if (left > 0) left--;
                return next.getAsInt();
            }
        });
    }

    private java.util.stream.LongStream longStream(long size, java.util.function.LongSupplier next) {
        return java.util.stream.StreamSupport.longStream(new PrimitiveIterator.OfLong() {
            long left = size;

            public boolean hasNext() { return left != 0; }

            public long nextLong() {
                if (left == 0) throw new NoSuchElementException();
                if (left > 0) left--;
                return next.getAsLong();
            }
        });
    }

    private java.util.stream.DoubleStream doubleStream(long size, java.util.function.DoubleSupplier next) {
        return java.util.stream.StreamSupport.doubleStream(new PrimitiveIterator.OfDouble() {
            long left = size;

            public boolean hasNext() { return left != 0; }

            public double nextDouble() {
                if (left == 0) throw new NoSuchElementException();
                if (left > 0) left--;
                return next.getAsDouble();
            }
        });
    }

    public java.util.stream.IntStream ints(long streamSize) {
        checkStreamSize(streamSize);
        return intStream(streamSize, this::nextInt);
    }

    public java.util.stream.IntStream ints() {
        return intStream(-1, this::nextInt);
    }

    public java.util.stream.IntStream ints(long streamSize, int randomNumberOrigin, int randomNumberBound) {
        checkStreamSize(streamSize);
        checkRange(randomNumberOrigin, randomNumberBound);
        return intStream(streamSize, () -> nextInt(randomNumberOrigin, randomNumberBound));
    }

    public java.util.stream.IntStream ints(int randomNumberOrigin, int randomNumberBound) {
        checkRange(randomNumberOrigin, randomNumberBound);
        return intStream(-1, () -> nextInt(randomNumberOrigin, randomNumberBound));
    }

    public java.util.stream.LongStream longs(long streamSize) {
        checkStreamSize(streamSize);
        return longStream(streamSize, this::nextLong);
    }

    public java.util.stream.LongStream longs() {
        return longStream(-1, this::nextLong);
    }

    public java.util.stream.LongStream longs(long streamSize, long randomNumberOrigin, long randomNumberBound) {
        checkStreamSize(streamSize);
        checkRange(randomNumberOrigin, randomNumberBound);
        return longStream(streamSize, () -> nextLong(randomNumberOrigin, randomNumberBound));
    }

    public java.util.stream.DoubleStream doubles(long streamSize) {
        checkStreamSize(streamSize);
        return doubleStream(streamSize, this::nextDouble);
    }

    public java.util.stream.DoubleStream doubles() {
        return doubleStream(-1, this::nextDouble);
    }

    public java.util.stream.DoubleStream doubles(long streamSize, double randomNumberOrigin, double randomNumberBound) {
        checkStreamSize(streamSize);
        if (!(randomNumberOrigin < randomNumberBound)) throw new IllegalArgumentException("bound must be greater than origin");
        return doubleStream(streamSize, () -> nextDouble(randomNumberOrigin, randomNumberBound));
    }
}
