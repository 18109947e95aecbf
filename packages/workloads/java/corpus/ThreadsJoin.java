/** Threads: start/join, results gathered after join, thread names, Runnable vs Thread subclass, isAlive. */
public class ThreadsJoin {
    static class Summer extends Thread {
        final int from, to;
        long result;
        Summer(int from, int to) { super("summer-" + from); this.from = from; this.to = to; }
        @Override public void run() {
            long s = 0;
            for (int i = from; i < to; i++) s += (long) i * i % 7;
            result = s;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Summer[] workers = new Summer[4];
        for (int i = 0; i < workers.length; i++) workers[i] = new Summer(i * 250000, (i + 1) * 250000);
        for (Summer w : workers) w.start();
        long total = 0;
        for (Summer w : workers) {
            w.join();
            System.out.println(w.getName() + " -> " + w.result + " alive=" + w.isAlive());
            total += w.result;
        }
        System.out.println("total " + total);
        final long[] cells = new long[3];
        Thread[] ts = new Thread[3];
        for (int i = 0; i < 3; i++) {
            final int k = i;
            ts[i] = new Thread(() -> {
                long f = 1;
                for (int j = 1; j <= 15 + k; j++) f *= j;
                cells[k] = f;
            }, "fact-" + i);
        }
        for (Thread t : ts) t.start();
        for (Thread t : ts) t.join();
        for (int i = 0; i < 3; i++) System.out.println(ts[i].getName() + " " + cells[i]);
        System.out.println("main is " + Thread.currentThread().getName());
        Thread chain = new Thread(() -> {
            Thread inner = new Thread(() -> System.out.println("inner thread runs"));
            inner.start();
            try { inner.join(); } catch (InterruptedException e) { throw new RuntimeException(e); }
            System.out.println("outer thread after inner");
        });
        chain.start();
        chain.join();
        Thread sleeper = new Thread(() -> {
            try { Thread.sleep(20); } catch (InterruptedException e) { System.out.println("interrupted"); }
        });
        sleeper.start();
        sleeper.interrupt();
        sleeper.join();
        System.out.println("done, sleeper alive=" + sleeper.isAlive());
    }
}
