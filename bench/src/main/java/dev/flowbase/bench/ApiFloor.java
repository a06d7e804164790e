package dev.flowbase.bench;

import dev.flowbase.config.ConfigLoader;
import dev.flowbase.config.Settings;
import dev.flowbase.config.Setting;
import dev.flowbase.db.Database;
import dev.flowbase.queue.Queue;
import dev.flowbase.store.Actor;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Origin;
import dev.flowbase.store.Stores;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The data layer's own time for what {@code GET /api/tasks/{id}} and {@code POST /api/tasks} do,
 * in this JVM without HTTP, with as many threads as wrk has connections: the floor the API's
 * latency is compared with. The enqueue is audited as the API's is.
 *
 * <p>Usage: {@code ApiFloor DATABASE_URL TASK_ID ORGANIZATION_ID THREADS SECONDS}
 */
public final class ApiFloor {
    private ApiFloor() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        UUID task = UUID.fromString(args[1]);
        UUID org = UUID.fromString(args[2]);
        int threads = Integer.parseInt(args[3]);
        long seconds = Long.parseLong(args[4]);
        var config = new ConfigLoader()
                .environment(Map.of("DB_POOL_MAX", "10"))
                .flag(Settings.DATABASE_URL, url)
                .load();
        try (Database db = Database.open(config.database())) {
            Stores stores = Stores.create(db).as(Actor.system("bench"), new Origin("bench", "127.0.0.1", "bench"));
            Queue queue = Queue.create(db).withStores(stores);
            run(
                    "GET task (stores.tasks().get)",
                    threads,
                    seconds,
                    () -> stores.tasks().get(task));
            run(
                    "POST task (queue.enqueue, audited)",
                    threads,
                    seconds,
                    () -> queue.enqueue(NewTask.named(org, "floor")));
        }
    }

    private static void run(String what, int threads, long seconds, Runnable op) throws Exception {
        for (long end = System.nanoTime() + 2_000_000_000L; System.nanoTime() < end; ) {
            op.run(); // warm up
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<Latencies>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                Latencies l = new Latencies(5_000_000);
                while (System.nanoTime() < until) {
                    long start = System.nanoTime();
                    op.run();
                    l.add(System.nanoTime() - start);
                }
                return l;
            }));
        }
        Latencies all = new Latencies(20_000_000);
        long count = 0;
        for (Future<Latencies> f : results) {
            Latencies l = f.get();
            count += l.count();
            l.into(all);
        }
        pool.shutdown();
        Report.line(String.format(
                Locale.ROOT,
                "| %s | %d | %.0f | %s | %s |",
                what,
                threads,
                count / (double) seconds,
                Latencies.millis(all.percentileMillis(50)),
                Latencies.millis(all.percentileMillis(99))));
    }
}
