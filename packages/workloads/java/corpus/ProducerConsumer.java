import java.util.ArrayDeque;
import java.util.Queue;

/** wait/notifyAll: a bounded buffer with one producer and one consumer; only the consumer prints. */
public class ProducerConsumer {
    static class Buffer {
        private final Queue<Integer> items = new ArrayDeque<>();
        private final int capacity;
        private int maxSeen = 0;
        Buffer(int capacity) { this.capacity = capacity; }
        synchronized void put(int v) throws InterruptedException {
            while (items.size() == capacity) wait();
            items.add(v);
            maxSeen = Math.max(maxSeen, items.size());
            notifyAll();
        }
        synchronized int take() throws InterruptedException {
            while (items.isEmpty()) wait();
            int v = items.remove();
            notifyAll();
            return v;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Buffer buf = new Buffer(4);
        int n = 200;
        Thread producer = new Thread(() -> {
            try {
                for (int i = 1; i <= n; i++) buf.put(i * i);
                buf.put(-1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        StringBuilder got = new StringBuilder();
        long[] sum = new long[1];
        Thread consumer = new Thread(() -> {
            try {
                int count = 0;
                while (true) {
                    int v = buf.take();
                    if (v < 0) break;
                    sum[0] += v;
                    if (++count % 40 == 0) got.append(v).append(' ');
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        producer.start();
        consumer.start();
        producer.join();
        consumer.join();
        System.out.println("every 40th: " + got.toString().trim());
        System.out.println("sum " + sum[0] + " bounded " + (buf.maxSeen <= 4));
        Object gate = new Object();
        boolean[] open = {false};
        Thread waiter = new Thread(() -> {
            synchronized (gate) {
                while (!open[0]) {
                    try { gate.wait(); } catch (InterruptedException e) { return; }
                }
                System.out.println("waiter passed the gate");
            }
        });
        waiter.start();
        synchronized (gate) {
            open[0] = true;
            gate.notify();
        }
        waiter.join();
        System.out.println("done");
    }
}
