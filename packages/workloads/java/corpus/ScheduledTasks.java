import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
/** ScheduledExecutorService: delayed tasks run in due-time order, fixed-rate tasks until cancelled, delayed tasks still run after shutdown. */
public class ScheduledTasks {
    public static void main(String[] a) throws Exception {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        s.schedule(() -> log.add("c@150"), 150, TimeUnit.MILLISECONDS);
        s.schedule(() -> log.add("a@50"), 50, TimeUnit.MILLISECONDS);
        ScheduledFuture<String> f = s.schedule(() -> "b@100", 100, TimeUnit.MILLISECONDS);
        System.out.println(f.get() + " " + f.isDone());
        AtomicInteger ticks = new AtomicInteger();
        CountDownLatch three = new CountDownLatch(3);
        ScheduledFuture<?> rate = s.scheduleAtFixedRate(() -> { ticks.incrementAndGet(); three.countDown(); }, 0, 20, TimeUnit.MILLISECONDS);
        three.await();
        rate.cancel(false);
        System.out.println("ticks>=3 " + (ticks.get() >= 3) + " cancelled " + rate.isCancelled());
        s.schedule(() -> log.add("after-shutdown"), 30, TimeUnit.MILLISECONDS);
        s.shutdown();
        System.out.println(s.awaitTermination(5, TimeUnit.SECONDS) + " " + log);
        try { s.schedule(() -> {}, 1, TimeUnit.SECONDS); } catch (RejectedExecutionException e) { System.out.println("rejected"); }
    }
}
