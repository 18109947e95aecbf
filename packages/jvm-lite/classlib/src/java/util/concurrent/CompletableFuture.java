package java.util.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A Future completed explicitly or by a computation, with dependent stages. Dependents attached
 * to a completed future run at once in the caller; others run in the thread that completes it;
 * *Async variants run on the executor (the common ForkJoinPool by default). A stage whose source
 * failed fails with a CompletionException wrapping the cause, as in the JDK; get() reports the
 * cause in an ExecutionException, join() throws the CompletionException.
 */
public class CompletableFuture<T> implements Future<T>, CompletionStage<T> {
    /** The outcome of a failed future. */
    private static final class Failure {
        final Throwable ex;

        Failure(Throwable ex) {
            this.ex = ex;
        }
    }

    private static final Object NULL = new Object();

    private Object result; // null: pending; NULL: completed with null; Failure; else the value
    private List<Runnable> dependents = new ArrayList<>();

    public CompletableFuture() {
    }

    private static Executor defaultExecutor() {
        return ForkJoinPool.commonPool();
    }

    // ---- completion

    private boolean completeWith(Object outcome) {
        List<Runnable> toRun;
        synchronized (this) {
            if (result != null) return false;
            result = outcome;
            toRun = dependents;
            dependents = null;
            notifyAll();
        }
        for (Runnable r : toRun) r.run();
        return true;
    }

    public boolean complete(T value) {
        return completeWith(value == null ? NULL : value);
    }

    public boolean completeExceptionally(Throwable ex) {
        return completeWith(new Failure(Objects.requireNonNull(ex)));
    }

    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = completeWith(new Failure(new CancellationException()));
        return cancelled || isCancelled();
    }

    public synchronized boolean isDone() {
        return result != null;
    }

    public synchronized boolean isCancelled() {
        return result instanceof Failure f && f.ex instanceof CancellationException;
    }

    public synchronized boolean isCompletedExceptionally() {
        return result instanceof Failure;
    }

    /** Runs action now if complete, else when completed. */
    private void whenDone(Runnable action) {
        synchronized (this) {
            if (result == null) {
                dependents.add(action);
                return;
            }
        }
        action.run();
    }

    private synchronized Object outcome() {
        return result;
    }

    @SuppressWarnings("unchecked")
    private static <T> T valueOf(Object outcome) {
        return outcome == NULL ? null : (T) outcome;
    }

    private static CompletionException wrap(Throwable ex) {
        return ex instanceof CompletionException ce ? ce : new CompletionException(ex);
    }

    /** The cause the JDK reports from get(): a CompletionException's cause. */
    private static Throwable cause(Throwable ex) {
        return (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
    }

    // ---- waiting

    private synchronized Object waitFor() throws InterruptedException {
        while (result == null) wait();
        return result;
    }

    public T get() throws InterruptedException, ExecutionException {
        Object r = waitFor();
        if (r instanceof Failure f) {
            if (f.ex instanceof CancellationException ce) throw ce;
            throw new ExecutionException(cause(f.ex));
        }
        return valueOf(r);
    }

    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.currentTimeMillis() + unit.toMillis(timeout);
        synchronized (this) {
            while (result == null) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) throw new TimeoutException();
                wait(left);
            }
        }
        return get();
    }

    public T join() {
        Object r;
        boolean interrupted = false;
        for (;;) {
            try {
                r = waitFor();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (r instanceof Failure f) {
            if (f.ex instanceof CancellationException ce) throw ce;
            throw wrap(f.ex);
        }
        return valueOf(r);
    }

    public T getNow(T valueIfAbsent) {
        Object r = outcome();
        if (r == null) return valueIfAbsent;
        if (r instanceof Failure f) {
            if (f.ex instanceof CancellationException ce) throw ce;
            throw wrap(f.ex);
        }
        return valueOf(r);
    }

    public T resultNow() {
        Object r = outcome();
        if (r == null || r instanceof Failure) throw new IllegalStateException();
        return valueOf(r);
    }

    // ---- factories

    public static <U> CompletableFuture<U> supplyAsync(Supplier<U> supplier) {
        return supplyAsync(supplier, defaultExecutor());
    }

    public static <U> CompletableFuture<U> supplyAsync(Supplier<U> supplier, Executor executor) {
        Objects.requireNonNull(supplier);
        CompletableFuture<U> f = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                f.complete(supplier.get());
            } catch (Throwable ex) {
                f.completeWith(new Failure(wrap(ex)));
            }
        });
        return f;
    }

    public static CompletableFuture<Void> runAsync(Runnable runnable) {
        return runAsync(runnable, defaultExecutor());
    }

    public static CompletableFuture<Void> runAsync(Runnable runnable, Executor executor) {
        Objects.requireNonNull(runnable);
        return supplyAsync(() -> {
            runnable.run();
            return null;
        }, executor);
    }

    public static <U> CompletableFuture<U> completedFuture(U value) {
        CompletableFuture<U> f = new CompletableFuture<>();
        f.complete(value);
        return f;
    }

    public static <U> CompletableFuture<U> failedFuture(Throwable ex) {
        CompletableFuture<U> f = new CompletableFuture<>();
        f.completeExceptionally(ex);
        return f;
    }

    public static CompletableFuture<Void> allOf(CompletableFuture<?>... cfs) {
        CompletableFuture<Void> all = new CompletableFuture<>();
        if (cfs.length == 0) {
            all.complete(null);
            return all;
        }
        int[] left = {cfs.length};
        for (CompletableFuture<?> cf : cfs) {
            cf.whenDone(() -> {
                boolean last;
                synchronized (left) {
                    last = --left[0] == 0;
                }
                if (!last) return;
                for (CompletableFuture<?> c : cfs) {
                    if (c.outcome() instanceof Failure f) {
                        all.completeWith(new Failure(wrap(f.ex)));
                        return;
                    }
                }
                all.complete(null);
            });
        }
        return all;
    }

    public static CompletableFuture<Object> anyOf(CompletableFuture<?>... cfs) {
        CompletableFuture<Object> any = new CompletableFuture<>();
        for (CompletableFuture<?> cf : cfs) {
            cf.whenDone(() -> {
                Object r = cf.outcome();
                if (r instanceof Failure f) any.completeWith(new Failure(wrap(f.ex)));
                else any.completeWith(r);
            });
        }
        return any;
    }

    // ---- dependent stages

    /** A new stage computed from this one's outcome by body, run on executor (null: inline). */
    private <U> CompletableFuture<U> then(Executor executor, Function<Object, Object> body) {
        CompletableFuture<U> next = new CompletableFuture<>();
        whenDone(() -> {
            Runnable step = () -> {
                try {
                    next.completeWith(body.apply(outcome()));
                } catch (Throwable ex) {
                    next.completeWith(new Failure(wrap(ex)));
                }
            };
            if (executor == null) step.run();
            else executor.execute(step);
        });
        return next;
    }

    private static Object box(Object v) {
        return v == null ? NULL : v;
    }

    /** The outcome a dependent stage inherits when its source failed. */
    private static Object propagate(Object r) {
        Failure f = (Failure) r;
        return new Failure(wrap(f.ex));
    }

    public <U> CompletableFuture<U> thenApply(Function<? super T, ? extends U> fn) {
        return thenApplyAsync0(null, fn);
    }

    public <U> CompletableFuture<U> thenApplyAsync(Function<? super T, ? extends U> fn) {
        return thenApplyAsync0(defaultExecutor(), fn);
    }

    public <U> CompletableFuture<U> thenApplyAsync(Function<? super T, ? extends U> fn, Executor executor) {
        return thenApplyAsync0(executor, fn);
    }

    private <U> CompletableFuture<U> thenApplyAsync0(Executor e, Function<? super T, ? extends U> fn) {
        Objects.requireNonNull(fn);
        return then(e, r -> r instanceof Failure ? propagate(r) : box(fn.apply(valueOf(r))));
    }

    public CompletableFuture<Void> thenAccept(Consumer<? super T> action) {
        return thenAcceptAsync0(null, action);
    }

    public CompletableFuture<Void> thenAcceptAsync(Consumer<? super T> action) {
        return thenAcceptAsync0(defaultExecutor(), action);
    }

    public CompletableFuture<Void> thenAcceptAsync(Consumer<? super T> action, Executor executor) {
        return thenAcceptAsync0(executor, action);
    }

    private CompletableFuture<Void> thenAcceptAsync0(Executor e, Consumer<? super T> action) {
        Objects.requireNonNull(action);
        return then(e, r -> {
            if (r instanceof Failure) return propagate(r);
            action.accept(valueOf(r));
            return NULL;
        });
    }

    public CompletableFuture<Void> thenRun(Runnable action) {
        return thenRunAsync0(null, action);
    }

    public CompletableFuture<Void> thenRunAsync(Runnable action) {
        return thenRunAsync0(defaultExecutor(), action);
    }

    public CompletableFuture<Void> thenRunAsync(Runnable action, Executor executor) {
        return thenRunAsync0(executor, action);
    }

    private CompletableFuture<Void> thenRunAsync0(Executor e, Runnable action) {
        Objects.requireNonNull(action);
        return then(e, r -> {
            if (r instanceof Failure) return propagate(r);
            action.run();
            return NULL;
        });
    }

    public <U, V> CompletableFuture<V> thenCombine(CompletionStage<? extends U> other, BiFunction<? super T, ? super U, ? extends V> fn) {
        return thenCombineAsync0(null, other, fn);
    }

    public <U, V> CompletableFuture<V> thenCombineAsync(CompletionStage<? extends U> other, BiFunction<? super T, ? super U, ? extends V> fn) {
        return thenCombineAsync0(defaultExecutor(), other, fn);
    }

    private <U, V> CompletableFuture<V> thenCombineAsync0(Executor e, CompletionStage<? extends U> other, BiFunction<? super T, ? super U, ? extends V> fn) {
        Objects.requireNonNull(fn);
        CompletableFuture<? extends U> o = other.toCompletableFuture();
        CompletableFuture<V> next = new CompletableFuture<>();
        whenDone(() -> o.whenDone(() -> {
            Runnable step = () -> {
                Object a = outcome(), b = o.outcome();
                try {
                    if (a instanceof Failure) next.completeWith(propagate(a));
                    else if (b instanceof Failure) next.completeWith(propagate(b));
                    else next.completeWith(box(fn.apply(valueOf(a), valueOf(b))));
                } catch (Throwable ex) {
                    next.completeWith(new Failure(wrap(ex)));
                }
            };
            if (e == null) step.run();
            else e.execute(step);
        }));
        return next;
    }

    public <U> CompletableFuture<Void> thenAcceptBoth(CompletionStage<? extends U> other, BiConsumer<? super T, ? super U> action) {
        return thenCombine(other, (a, b) -> {
            action.accept(a, b);
            return null;
        });
    }

    public CompletableFuture<Void> runAfterBoth(CompletionStage<?> other, Runnable action) {
        return thenCombine(other, (a, b) -> {
            action.run();
            return null;
        });
    }

    public <U> CompletableFuture<U> thenCompose(Function<? super T, ? extends CompletionStage<U>> fn) {
        return thenComposeAsync0(null, fn);
    }

    public <U> CompletableFuture<U> thenComposeAsync(Function<? super T, ? extends CompletionStage<U>> fn) {
        return thenComposeAsync0(defaultExecutor(), fn);
    }

    private <U> CompletableFuture<U> thenComposeAsync0(Executor e, Function<? super T, ? extends CompletionStage<U>> fn) {
        Objects.requireNonNull(fn);
        CompletableFuture<U> next = new CompletableFuture<>();
        whenDone(() -> {
            Runnable step = () -> {
                Object r = outcome();
                if (r instanceof Failure) {
                    next.completeWith(propagate(r));
                    return;
                }
                try {
                    CompletableFuture<U> inner = fn.apply(valueOf(r)).toCompletableFuture();
                    inner.whenDone(() -> {
                        Object ir = inner.outcome();
                        next.completeWith(ir instanceof Failure ? propagate(ir) : ir);
                    });
                } catch (Throwable ex) {
                    next.completeWith(new Failure(wrap(ex)));
                }
            };
            if (e == null) step.run();
            else e.execute(step);
        });
        return next;
    }

    public CompletableFuture<T> exceptionally(Function<Throwable, ? extends T> fn) {
        Objects.requireNonNull(fn);
        return then(null, r -> r instanceof Failure f ? box(fn.apply(f.ex)) : r);
    }

    public <U> CompletableFuture<U> handle(BiFunction<? super T, Throwable, ? extends U> fn) {
        return handleAsync0(null, fn);
    }

    public <U> CompletableFuture<U> handleAsync(BiFunction<? super T, Throwable, ? extends U> fn) {
        return handleAsync0(defaultExecutor(), fn);
    }

    private <U> CompletableFuture<U> handleAsync0(Executor e, BiFunction<? super T, Throwable, ? extends U> fn) {
        Objects.requireNonNull(fn);
        return then(e, r -> r instanceof Failure f ? box(fn.apply(null, f.ex)) : box(fn.apply(valueOf(r), null)));
    }

    public CompletableFuture<T> whenComplete(BiConsumer<? super T, ? super Throwable> action) {
        return whenCompleteAsync0(null, action);
    }

    public CompletableFuture<T> whenCompleteAsync(BiConsumer<? super T, ? super Throwable> action) {
        return whenCompleteAsync0(defaultExecutor(), action);
    }

    private CompletableFuture<T> whenCompleteAsync0(Executor e, BiConsumer<? super T, ? super Throwable> action) {
        Objects.requireNonNull(action);
        return then(e, r -> {
            if (r instanceof Failure f) {
                action.accept(null, f.ex);
                return propagate(r);
            }
            action.accept(valueOf(r), null);
            return r;
        });
    }

    public CompletableFuture<T> toCompletableFuture() {
        return this;
    }

    public CompletableFuture<T> orTimeout(long timeout, TimeUnit unit) {
        return this;
    }

    public synchronized int getNumberOfDependents() {
        return dependents == null ? 0 : dependents.size();
    }

    public String toString() {
        Object r = outcome();
        String status = r == null ? "[Incomplete]" : (r instanceof Failure ? "[Completed exceptionally: " + ((Failure) r).ex + "]" : "[Completed normally]");
        return super.toString() + status;
    }
}
