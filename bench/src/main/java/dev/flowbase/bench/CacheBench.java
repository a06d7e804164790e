package dev.flowbase.bench;

import dev.flowbase.Flowbase;
import dev.flowbase.cache.Event;
import dev.flowbase.cache.Shared;
import dev.flowbase.cache.Subscription;
import dev.flowbase.db.Database;
import dev.flowbase.redis.RedisKeys;
import dev.flowbase.store.Stores;
import dev.flowbase.store.Workflow;
import dev.flowbase.store.WorkflowVersion;
import dev.flowbase.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench/run cache [--reads N] [--events N] [--clients N] [--redis URL]}: a published workflow
 * version read from PostgreSQL through the stores against the same version read from the cache
 * (Redis, and in-process), p50/p99 of each and the ratio; then events fanned out through the bus
 * (Redis stream, and in-process) to N subscribers each waiting on its own queue with a virtual
 * thread, as {@code GET /api/events} clients are: events delivered a second, and the p99 from
 * publish to a subscriber holding it. Without the HTTP layer on either side. The last line is JSON.
 */
final class CacheBench {
    private CacheBench() {}

    public static void main(String[] args) throws Exception {
        int reads = Integer.parseInt(QueueBench.option(args, "--reads", "5000"));
        int events = Integer.parseInt(QueueBench.option(args, "--events", "2000"));
        int clients = Integer.parseInt(QueueBench.option(args, "--clients", "100"));
        String redis = QueueBench.option(args, "--redis", "redis://127.0.0.1:6379/0");
        String prefix = "fbbench-" + UUID.randomUUID() + ":";
        Path work = Files.createDirectories(Path.of("bench/target/work").toAbsolutePath());
        try (BenchDatabase target = BenchDatabase.create(BenchDatabase.Engine.POSTGRESQL, "cache", work);
                Database db = Database.open(target.flowbaseConfig());
                Shared inRedis = Shared.connect(Optional.of(redis), prefix, Clock.systemUTC());
                Shared local = Shared.local(Clock.systemUTC())) {
            Flowbase.migrator(db).migrate();
            Stores stores = Stores.create(db);
            UUID org = stores.organizations().create("Bench", "bench").id();
            Stores scoped = stores.within(org);
            UUID workflow = scoped.workflows()
                    .create(Workflow.New.named(org, "summarise"))
                    .id();
            scoped.workflows().publish(workflow, "first", null);

            Latencies db1 = time(reads, () -> scoped.workflows().version(workflow, 1));
            String key = "workflow-version:" + org + ":" + workflow + ":1";
            inRedis.cache().put(key, Json.write(scoped.workflows().version(workflow, 1)), Duration.ofMinutes(10));
            local.cache().put(key, Json.write(scoped.workflows().version(workflow, 1)), Duration.ofMinutes(10));
            Latencies redisRead = time(reads, () -> read(inRedis, key));
            Latencies localRead = time(reads, () -> read(local, key));

            double[] redisFan = fanOut(inRedis, events, clients);
            double[] localFan = fanOut(local, events, clients);
            System.out.printf(
                    Locale.ROOT,
                    "| read of a published workflow version | p50 | p99 |%n|---|---|---|%n"
                            + "| PostgreSQL through the stores | %s | %s |%n| Redis cache | %s | %s |%n"
                            + "| in-process cache | %s | %s |%n%n"
                            + "| fan-out to %d subscribers | events delivered/s | publish to subscriber p50 | p99 |%n"
                            + "|---|---|---|---|%n| Redis stream | %.0f | %.2f ms | %.2f ms |%n"
                            + "| in-process | %.0f | %.2f ms | %.2f ms |%n",
                    Latencies.millis(db1.percentileMillis(50)),
                    Latencies.millis(db1.percentileMillis(99)),
                    Latencies.millis(redisRead.percentileMillis(50)),
                    Latencies.millis(redisRead.percentileMillis(99)),
                    Latencies.millis(localRead.percentileMillis(50)),
                    Latencies.millis(localRead.percentileMillis(99)),
                    clients,
                    redisFan[0],
                    redisFan[1],
                    redisFan[2],
                    localFan[0],
                    localFan[1],
                    localFan[2]);
            System.out.printf(
                    Locale.ROOT,
                    "{\"bench\": \"cache\", \"reads\": %d, \"db_p50_ms\": %.3f, \"db_p99_ms\": %.3f,"
                            + " \"redis_p50_ms\": %.3f, \"redis_p99_ms\": %.3f, \"local_p50_ms\": %.4f,"
                            + " \"db_over_redis_p50\": %.1f, \"events\": %d, \"clients\": %d,"
                            + " \"redis_delivered_per_s\": %.0f, \"redis_fanout_p99_ms\": %.2f,"
                            + " \"local_delivered_per_s\": %.0f, \"local_fanout_p99_ms\": %.2f}%n",
                    reads,
                    db1.percentileMillis(50),
                    db1.percentileMillis(99),
                    redisRead.percentileMillis(50),
                    redisRead.percentileMillis(99),
                    localRead.percentileMillis(50),
                    db1.percentileMillis(50) / redisRead.percentileMillis(50),
                    events,
                    clients,
                    redisFan[0],
                    redisFan[2],
                    localFan[0],
                    localFan[2]);
        } finally {
            RedisKeys.deleteUnder(redis, prefix);
        }
    }

    private static WorkflowVersion read(Shared shared, String key) {
        return Json.MAPPER.convertValue(Json.read(shared.cache().get(key).orElseThrow()), WorkflowVersion.class);
    }

    private static Latencies time(int n, Runnable read) {
        for (int i = 0; i < Math.min(500, n); i++) {
            read.run(); // warm-up
        }
        Latencies l = new Latencies(n);
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            read.run();
            l.add(System.nanoTime() - start);
        }
        return l;
    }

    /** Events delivered a second, and the p50 and p99 in milliseconds from publish to a subscriber. */
    private static double[] fanOut(Shared shared, int events, int clients) throws InterruptedException {
        Latencies all = new Latencies(events * clients);
        CountDownLatch done = new CountDownLatch(clients);
        List<Subscription> subscriptions = new ArrayList<>();
        List<Latencies> each = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
            Latencies mine = new Latencies(events);
            each.add(mine);
            subscriptions.add(shared.events().subscribe(queue::add));
            Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < events; i++) {
                        Event e = queue.take();
                        mine.add(System.nanoTime() - Long.parseLong(e.data()));
                    }
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                done.countDown();
            });
        }
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            shared.events().publish("task.succeeded", null, Long.toString(System.nanoTime()));
        }
        if (!done.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("not every subscriber heard every event within 5 minutes");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        subscriptions.forEach(Subscription::close);
        each.forEach(l -> l.into(all));
        return new double[] {(double) events * clients / seconds, all.percentileMillis(50), all.percentileMillis(99)};
    }
}
