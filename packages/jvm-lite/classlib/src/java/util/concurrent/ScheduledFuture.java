package java.util.concurrent;

/** The result of a scheduled task. */
public interface ScheduledFuture<V> extends Delayed, Future<V> {
}
