package java.util.concurrent;

/** Lets a fixed number of threads wait for each other; the last to arrive runs the barrier action. */
public class CyclicBarrier {
    private final int parties;
    private final Runnable barrierCommand;
    private int count;
    private int generation;
    private boolean broken;

    public CyclicBarrier(int parties, Runnable barrierAction) {
        if (parties <= 0) throw new IllegalArgumentException();
        this.parties = parties;
        this.count = parties;
        this.barrierCommand = barrierAction;
    }

    public CyclicBarrier(int parties) {
        this(parties, null);
    }

    public int getParties() {
        return parties;
    }

    /** Returns the arrival index: parties - 1 for the first to arrive, 0 for the last. */
    public synchronized int await() throws InterruptedException, BrokenBarrierException {
        if (broken) throw new BrokenBarrierException();
        int index = --count;
        int gen = generation;
        if (index == 0) {
            try {
                if (barrierCommand != null) barrierCommand.run();
            } catch (Throwable t) {
                broken = true;
                notifyAll();
                throw t;
            }
            count = parties;
            generation++;
            notifyAll();
            return 0;
        }
        while (gen == generation && !broken) {
            try {
                wait();
            } catch (InterruptedException e) {
                broken = true;
                notifyAll();
                throw e;
            }
        }
        if (broken && gen == generation) throw new BrokenBarrierException();
        return index;
    }

    public synchronized boolean isBroken() {
        return broken;
    }

    public synchronized void reset() {
        if (count != parties) broken = true;
        notifyAll();
        broken = false;
        count = parties;
        generation++;
    }

    public synchronized int getNumberWaiting() {
        return parties - count;
    }
}
