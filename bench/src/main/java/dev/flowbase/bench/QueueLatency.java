package dev.flowbase.bench;

import dev.flowbase.Flowbase;
import dev.flowbase.db.Database;
import dev.flowbase.queue.Queue;
import dev.flowbase.queue.Worker;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.store.TaskOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench/run queue-latency --engine ENGINE [--samples N]}: enqueue-to-start latency on an
 * idle queue. One task at a time is enqueued after a pause of 20–60 ms, and the time from the
 * call to {@code enqueue} to the handler starting is taken, N times, twice: with the producer on
 * the worker's own {@code Database} (the in-process wake-up) and on a second {@code Database} of
 * its own, as another process would be (PostgreSQL NOTIFY; polling on the other engines). The
 * last line is one JSON object with the percentiles in milliseconds.
 */
final class QueueLatency {
    private QueueLatency() {}

    public static void main(String[] args) throws Exception {
        String engineName = QueueBench.option(args, "--engine", "postgresql");
        int samples = Integer.parseInt(QueueBench.option(args, "--samples", "300"));
        BenchDatabase.Engine engine = BenchDatabase.Engine.valueOf(engineName.toUpperCase(Locale.ROOT));
        Path work = Files.createDirectories(Path.of("bench/target/work").toAbsolutePath());
        try (BenchDatabase target = BenchDatabase.create(engine, "latency", work);
                Database workerDb = Database.open(target.flowbaseConfig());
                Database otherDb = Database.open(target.flowbaseConfig())) {
            Flowbase.migrator(workerDb).migrate();
            UUID org = Stores.create(workerDb)
                    .organizations()
                    .create("Bench", "bench")
                    .id();
            Map<UUID, CompletableFuture<Long>> started = new ConcurrentHashMap<>();
            Queue queue = Queue.create(workerDb);
            Worker worker = Worker.on(queue)
                    .name("latency")
                    .queue("latency", 4)
                    .handler("task", task -> {
                        long now = System.nanoTime();
                        started.computeIfAbsent(task.id(), id -> new CompletableFuture<>())
                                .complete(now);
                        return TaskOutcome.NONE;
                    })
                    .start();
            try {
                double[] same = measure(queue, org, samples, started);
                double[] other = measure(Queue.create(otherDb), org, samples, started);
                System.out.printf(
                        Locale.ROOT,
                        "{\"peer\": \"flowbase\", \"engine\": \"%s\", \"samples\": %d,"
                                + " \"same_process_p50_ms\": %.2f, \"same_process_p99_ms\": %.2f,"
                                + " \"other_process_p50_ms\": %.2f, \"other_process_p99_ms\": %.2f}%n",
                        engine.id,
                        samples,
                        percentile(same, 50),
                        percentile(same, 99),
                        percentile(other, 50),
                        percentile(other, 99));
            } finally {
                worker.close();
            }
        }
    }

    /** Milliseconds from each enqueue call to its handler starting, one task at a time. */
    private static double[] measure(Queue producer, UUID org, int samples, Map<UUID, CompletableFuture<Long>> started)
            throws Exception {
        double[] millis = new double[samples];
        for (int i = 0; i < samples; i++) {
            Thread.sleep(ThreadLocalRandom.current().nextLong(20, 60)); // the queue goes idle
            long before = System.nanoTime();
            UUID id = producer.enqueue(NewTask.named(org, "probe-" + i).inQueue("latency"))
                    .id();
            long at =
                    started.computeIfAbsent(id, k -> new CompletableFuture<>()).get(60, TimeUnit.SECONDS);
            millis[i] = (at - before) / 1e6;
        }
        return millis;
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
