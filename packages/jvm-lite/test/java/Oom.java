import java.util.*;

/** Heap exhaustion under a small -Xmx: OutOfMemoryError is catchable, the heap is usable again after. */
public class Oom {
    public static void main(String[] args) {
        List<long[]> hog = new ArrayList<>();
        try {
            while (true) hog.add(new long[1 << 16]);
        } catch (OutOfMemoryError e) {
            int n = hog.size();
            hog = null;
            System.out.println("OOM: " + e.getMessage() + " after many: " + (n > 10));
        }
        long total = 0;
        for (int i = 0; i < 200; i++) { long[] a = new long[1 << 14]; a[i] = i; total += a[i]; }
        System.out.println("recovered " + total);
    }
}
