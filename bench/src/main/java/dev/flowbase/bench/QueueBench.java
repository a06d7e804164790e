package dev.flowbase.bench;

import dev.flowbase.Flowbase;
import dev.flowbase.db.Database;
import dev.flowbase.queue.Lease;
import dev.flowbase.queue.Queue;
import dev.flowbase.queue.Worker;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.store.TaskOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * {@code bench/run queue --engine ENGINE --tasks N [--warmup W] [--stored S] [--workers W] [--batch B]
 * [--history H] [--singles K] [--via HOST:PORT]}: enqueues N no-op tasks with no worker running (the batch API), then
 * starts W worker threads, each claiming B at a time and completing the batch, and times until the
 * database shows all N succeeded. With {@code --history}, H tasks are enqueued and processed the
 * same way first, so the measured run finds H finished tasks stored; {@code --stored S} writes S
 * finished tasks with SQL instead ({@link StoredTasks}). {@code --warmup W} (20,000 by default from
 * N = 100,000 up) processes W tasks first, in the fresh JVM, and the N after them are the steady
 * state. On PostgreSQL the measured drain's WAL and server CPU per task come from {@link
 * PgServerCost}. After the drain, K tasks (2,000 by default) are enqueued one call at a time
 * ({@code enqueue_single_per_s}). The last line is one JSON object, the shape {@code
 * ../shared/peers/} prints for the peer queues. {@code --via} sends the pool through a pgbouncer
 * there (PostgreSQL), the sessions straight to the server.
 */
final class QueueBench {

    private QueueBench() {}

    public static void main(String[] args) throws Exception {
        String engineName = option(args, "--engine", "postgresql");
        int n = Integer.parseInt(option(args, "--tasks", "20000"));
        int workers = Integer.parseInt(option(args, "--workers", "4"));
        int batch = Integer.parseInt(option(args, "--batch", "100"));
        int history = Integer.parseInt(option(args, "--history", "0"));
        // The steady state: 20,000 tasks of warm-up before 100,000 measured.
        int warmup = Integer.parseInt(option(args, "--warmup", n >= 100_000 ? "20000" : "0"));
        int stored = Integer.parseInt(option(args, "--stored", "0"));
        // How many tasks are enqueued one at a time for enqueue_single_per_s; 0 leaves it out.
        int singles = Integer.parseInt(option(args, "--singles", "2000"));
        boolean runtime = Arrays.asList(args).contains("--runtime");
        // host:port of a pgbouncer in transaction mode in front of the server (bench/queue/pgbouncer).
        String via = option(args, "--via", "");
        BenchDatabase.Engine engine = BenchDatabase.Engine.valueOf(engineName.toUpperCase(Locale.ROOT));
        Path work = Files.createDirectories(Path.of("bench/target/work").toAbsolutePath());
        // A name of its own: two runs at once (two people on one server) must not drop each other's database.
        try (BenchDatabase target = BenchDatabase.create(
                        engine, "queue_" + ProcessHandle.current().pid(), work);
                Database db = Database.open(target.flowbaseConfig(via))) {
            Flowbase.migrator(db).migrate();
            UUID org =
                    Stores.create(db).organizations().create("Bench", "bench").id();
            Queue queue = Queue.create(db);
            if (stored > 0) {
                System.err.printf(
                        Locale.ROOT,
                        "stored: %d finished tasks in %.1f s%n",
                        stored,
                        StoredTasks.fill(target, org, stored));
            }
            if (history > 0) {
                // Finished history made the way it is in production: enqueued and processed by the queue.
                enqueue(queue, org, history);
                double historySeconds = drain(queue, workers, batch, new AtomicLong());
                System.err.printf(Locale.ROOT, "history: %d tasks processed in %.1f s%n", history, historySeconds);
            }
            double warmupPerSecond = Double.NaN;
            if (warmup > 0) {
                enqueue(queue, org, warmup);
                warmupPerSecond = warmup / drain(queue, workers, batch, new AtomicLong());
                System.err.printf(Locale.ROOT, "warm-up: %d tasks at %.0f/s%n", warmup, warmupPerSecond);
            }
            int before = succeeded(db);
            double enqueueSeconds = enqueue(queue, org, n);
            AtomicLong handled = new AtomicLong();
            try (PgServerCost cost = engine == BenchDatabase.Engine.POSTGRESQL ? PgServerCost.open(target) : null) {
                PgServerCost.Sample from = cost == null ? null : cost.sample();
                double processSeconds = runtime
                        ? drainWithWorker(queue, workers * batch, n, handled, () -> succeeded(db) >= before + n)
                        : drain(queue, workers, batch, handled);
                PgServerCost.Sample to = cost == null ? null : cost.sample();
                int completed = succeeded(db) - before;
                boolean complete = completed == n && handled.get() == n;
                // After the measured drain, so that these tasks (left ready in a queue of their own) do not weigh on
                // it.
                double singlePerSecond = singles == 0 ? Double.NaN : singles / enqueueOneByOne(queue, org, singles);
                QueueReport report = new QueueReport(
                        engine.id,
                        n,
                        n / enqueueSeconds,
                        singlePerSecond,
                        n / processSeconds,
                        warmup > 0 ? warmupPerSecond : n / processSeconds,
                        warmup > 0 ? n / processSeconds : Double.NaN,
                        enqueueSeconds,
                        processSeconds,
                        handled.get(),
                        completed,
                        complete,
                        history,
                        warmup,
                        stored,
                        workers,
                        batch,
                        runtime,
                        from,
                        to,
                        cost == null ? -1 : cost.otherClients());
                System.out.println(report.json());
            }
        }
    }

    /** Enqueues {@code n} no-op tasks with the batch API, 5,000 a call; returns the seconds it took. */
    private static double enqueue(Queue queue, UUID org, int n) {
        long start = System.nanoTime();
        List<NewTask> chunk = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            chunk.add(NewTask.named(org, "noop").inQueue("bench"));
            if (chunk.size() == 5_000 || i == n - 1) {
                queue.enqueueAll(chunk);
                chunk.clear();
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Enqueues {@code singles} tasks one call (one transaction) at a time, as a producer that has
     * one task at a time does, into a queue no worker takes; returns the seconds it took.
     */
    private static double enqueueOneByOne(Queue queue, UUID org, int singles) {
        long start = System.nanoTime();
        for (int i = 0; i < singles; i++) {
            queue.enqueue(NewTask.named(org, "noop").inQueue("bench-single"));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Runs {@code workers} threads, each claiming {@code batch} at a time and completing the batch,
     * until the queue is empty; returns the seconds it took.
     */
    private static double drain(Queue queue, int workers, int batch, AtomicLong handled) throws Exception {
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                String name = "bench-worker-" + w;
                running.add(pool.submit(() -> {
                    // Each batch is completed in the transaction that claims the next one.
                    for (List<Lease> leases = queue.claim("bench", batch, name, Duration.ofMinutes(5));
                            !leases.isEmpty();
                            leases = queue.completeAndClaim(leases, "bench", batch, name, Duration.ofMinutes(5))) {
                        handled.addAndGet(leases.size()); // the no-op handler
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(30, TimeUnit.MINUTES);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * The {@link Worker} runtime instead of the bare loop: one poller with {@code slots} handler
     * threads and three times as many tasks prefetched, the no-op handler counting; times until
     * the handler ran {@code n} times and the database shows them all recorded ({@code allDone}),
     * as the peers are timed. Closing the worker comes after: on PostgreSQL it waits up to half a
     * second for its listening connection to stop.
     */
    private static double drainWithWorker(Queue queue, int slots, int n, AtomicLong handled, BooleanSupplier allDone)
            throws Exception {
        CountDownLatch all = new CountDownLatch(n);
        long start = System.nanoTime();
        Worker worker = Worker.on(queue)
                .name("bench-runtime")
                .queue("bench", slots)
                .prefetch(slots * 3)
                .handler("task", task -> {
                    handled.incrementAndGet();
                    all.countDown();
                    return TaskOutcome.NONE;
                })
                .start();
        try {
            all.await(30, TimeUnit.MINUTES);
            while (!allDone.getAsBoolean()) {
                Thread.sleep(1); // the worker records what finished with its next claim
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            worker.close();
        }
    }

    private static int succeeded(Database db) {
        return db.withHandle(
                "Counting completed tasks",
                h -> h.createQuery("SELECT COUNT(*) FROM tasks WHERE status = 'succeeded'")
                        .mapTo(Integer.class)
                        .one());
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
