import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** java.util.concurrent with deterministic output: pools and futures, atomics, latches, locks, ConcurrentHashMap order. */
public class ConcurrentUtilities {
    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Long>> futures = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            final int from = t * 1000;
            futures.add(pool.submit(() -> {
                long s = 0;
                for (int i = from; i < from + 1000; i++) s += (long) i * i;
                return s;
            }));
        }
        long total = 0;
        for (Future<Long> f : futures) total += f.get();
        boolean allDone = true;
        for (Future<Long> f : futures) allDone &= f.isDone();
        System.out.println("sum of squares " + total + " all done " + allDone);
        List<Callable<String>> named = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            final int k = i;
            named.add(() -> "task" + k + (Thread.currentThread().getName().startsWith("pool-1-thread-") ? "@pool1" : "@?"));
        }
        for (Future<String> f : pool.invokeAll(named)) System.out.print(f.get() + " ");
        System.out.println();
        Future<Integer> failing = pool.submit(() -> Integer.parseInt("nope"));
        try {
            failing.get();
        } catch (ExecutionException e) {
            System.out.println("ExecutionException: " + e.getMessage() + " / cause " + e.getCause().getClass().getSimpleName());
        }
        AtomicInteger counter = new AtomicInteger();
        AtomicLong sum = new AtomicLong();
        CountDownLatch done = new CountDownLatch(50);
        for (int i = 1; i <= 50; i++) {
            final int v = i;
            pool.execute(() -> {
                counter.incrementAndGet();
                sum.addAndGet(v);
                done.countDown();
            });
        }
        System.out.println("latch " + done.await(30, TimeUnit.SECONDS) + " " + counter.get() + " " + sum.get() + " " + done.getCount());
        pool.shutdown();
        System.out.println("terminated " + pool.awaitTermination(30, TimeUnit.SECONDS) + " " + pool.isShutdown() + " " + pool.isTerminated());
        AtomicInteger a = new AtomicInteger(5);
        System.out.println(a.getAndIncrement() + " " + a.incrementAndGet() + " " + a.compareAndSet(7, 70) + " " + a.compareAndSet(7, 1) + " " + a.updateAndGet(x -> x * 2) + " " + a.accumulateAndGet(3, Math::max) + " " + a);
        AtomicReference<String> ref = new AtomicReference<>("a");
        ref.getAndUpdate(s -> s + "b");
        ref.accumulateAndGet("c", String::concat);
        System.out.println(ref + " " + ref.compareAndSet("x", "y") + " " + ref.get());
        ReentrantLock lock = new ReentrantLock();
        Condition ready = lock.newCondition();
        int[] box = {0};
        Thread producer = new Thread(() -> {
            for (int i = 1; i <= 5; i++) {
                lock.lock();
                try {
                    while (box[0] != 0) ready.awaitUninterruptibly();
                    box[0] = i;
                    ready.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        });
        producer.start();
        StringBuilder got = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            lock.lock();
            try {
                while (box[0] == 0) ready.await();
                got.append(box[0]).append(',');
                box[0] = 0;
                ready.signalAll();
            } finally {
                lock.unlock();
            }
        }
        producer.join();
        System.out.println("condition handoff " + got + " locked=" + lock.isLocked() + " reentrant " + reentrant(lock));
        Semaphore sem = new Semaphore(2);
        System.out.println(sem.tryAcquire() + " " + sem.tryAcquire() + " " + sem.tryAcquire() + " " + sem.availablePermits());
        sem.release(2);
        CyclicBarrier barrier = new CyclicBarrier(3, () -> System.out.println("barrier tripped"));
        Thread[] ts = new Thread[2];
        for (int i = 0; i < 2; i++) {
            ts[i] = new Thread(() -> {
                try {
                    barrier.await();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            ts[i].start();
        }
        barrier.await();
        for (Thread t : ts) t.join();
        BlockingQueue<Integer> q = new ArrayBlockingQueue<>(2);
        Thread consumer = new Thread(() -> {
            try {
                int s = 0;
                for (int v; (v = q.take()) >= 0;) s += v;
                System.out.println("consumer sum " + s);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        consumer.start();
        for (int i = 0; i < 20; i++) q.put(i);
        q.put(-1);
        consumer.join();
        System.out.println(q.offer(1) + " " + q.offer(2) + " " + q.offer(3) + " " + q + " " + q.remainingCapacity());
        Map<String, Integer> chm = new ConcurrentHashMap<>();
        for (String w : "the quick brown fox jumps over the lazy dog and the cat sat on the mat by the door".split(" ")) chm.merge(w, 1, Integer::sum);
        System.out.println(chm);
        ConcurrentHashMap<Integer, String> nums = new ConcurrentHashMap<>();
        for (int i = 0; i < 40; i++) nums.put(i * 37 % 101, "v" + i);
        nums.remove(37);
        nums.computeIfAbsent(1000, k -> "big");
        nums.putIfAbsent(0, "ignored");
        System.out.println(nums.keySet());
        System.out.println(new ConcurrentHashMap<>(Map.of("x", 1)) + " " + nums.getOrDefault(-1, "none") + " " + nums.mappingCount());
        try {
            chm.put(null, 1);
        } catch (NullPointerException e) {
            System.out.println("null key rejected");
        }
        CopyOnWriteArrayList<Integer> cow = new CopyOnWriteArrayList<>(List.of(1, 2, 3));
        for (Integer x : cow) cow.add(x * 10);
        System.out.println(cow + " " + cow.addIfAbsent(10) + " " + cow.addIfAbsent(4));
        ExecutorService single = Executors.newSingleThreadExecutor();
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            final int k = i;
            single.submit(() -> order.append(k));
        }
        single.submit(() -> order.append('|')).get();
        single.shutdown();
        single.awaitTermination(10, TimeUnit.SECONDS);
        System.out.println("single thread order " + order);
    }

    static int reentrant(ReentrantLock lock) {
        lock.lock();
        lock.lock();
        int holds = lock.getHoldCount();
        lock.unlock();
        lock.unlock();
        return holds;
    }
}
