import java.util.*;
import java.util.concurrent.*;
import java.util.stream.*;
/** CompletableFuture: async suppliers, thenApply/Combine/Compose, exception wrapping in get and join, exceptionally, handle, allOf/anyOf. */
public class CompletableFutures {
    public static void main(String[] a) throws Exception {
        CompletableFuture<Integer> f = CompletableFuture.supplyAsync(() -> 6 * 7);
        System.out.println(f.thenApply(x -> x + 1).thenApply(x -> "v" + x).get());
        CompletableFuture<Integer> g = CompletableFuture.supplyAsync(() -> 10).thenCombine(CompletableFuture.supplyAsync(() -> 32), Integer::sum);
        System.out.println(g.join() + " " + g.isDone() + " " + g.isCompletedExceptionally());
        CompletableFuture<String> bad = CompletableFuture.supplyAsync(() -> { if (true) throw new IllegalStateException("boom"); return "x"; });
        try { bad.get(); } catch (ExecutionException e) { System.out.println("get: " + e.getCause()); }
        try { bad.join(); } catch (CompletionException e) { System.out.println("join: " + e.getMessage() + " / " + e.getCause().getMessage()); }
        System.out.println(bad.exceptionally(ex -> "recovered from " + ex.getClass().getSimpleName()).join());
        System.out.println(bad.handle((v, ex) -> ex == null ? v : "handled " + ex.getCause().getMessage()).join());
        System.out.println(bad.thenApply(s -> s + "!").isCompletedExceptionally() + " " + bad.isCompletedExceptionally());
        List<CompletableFuture<Integer>> parts = IntStream.range(0, 5).mapToObj(i -> CompletableFuture.supplyAsync(() -> i * i)).collect(Collectors.toList());
        CompletableFuture.allOf(parts.toArray(new CompletableFuture[0])).join();
        System.out.println(parts.stream().map(CompletableFuture::join).collect(Collectors.toList()));
        CompletableFuture<String> composed = CompletableFuture.supplyAsync(() -> "a").thenCompose(s -> CompletableFuture.supplyAsync(() -> s + "b")).thenCompose(s -> CompletableFuture.completedFuture(s + "c"));
        System.out.println(composed.get(5, TimeUnit.SECONDS));
        CompletableFuture<String> manual = new CompletableFuture<>();
        StringBuilder log = new StringBuilder();
        CompletableFuture<Void> done = manual.thenAccept(s -> log.append("got ").append(s)).thenRun(() -> log.append(" then run"));
        System.out.println(manual.isDone() + " " + manual.getNow("absent") + " " + manual.complete("value") + " " + manual.complete("again"));
        done.join();
        System.out.println(log + " " + manual.join());
        CompletableFuture<Integer> wc = CompletableFuture.completedFuture(5).whenComplete((v, ex) -> log.append(" wc" + v));
        System.out.println(wc.join() + " " + log);
        ExecutorService ex = Executors.newFixedThreadPool(2);
        CompletableFuture<String> onPool = CompletableFuture.supplyAsync(() -> Thread.currentThread().getName().startsWith("pool-") ? "pool" : "other", ex);
        System.out.println(onPool.join() + " " + CompletableFuture.anyOf(CompletableFuture.completedFuture("first")).join());
        ex.shutdown();
        System.out.println(CompletableFuture.failedFuture(new RuntimeException("f")).handle((v, e) -> e.getMessage()).join() + " " + CompletableFuture.runAsync(() -> {}).thenApply(v -> v == null).join());
    }
}
