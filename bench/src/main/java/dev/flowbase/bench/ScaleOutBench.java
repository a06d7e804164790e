package dev.flowbase.bench;

import dev.flowbase.Flowbase;
import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.db.Database;
import dev.flowbase.queue.Leadership;
import dev.flowbase.queue.Lease;
import dev.flowbase.queue.Queue;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench/run scale-out [--engine postgresql] [--tasks 100000] [--processes 3]}: enqueues N
 * no-op tasks, then starts P processes on the one database, each working the queue as a
 * {@code serve} process does (four threads claiming 100 at a time with 30 s leases, the reaper
 * under leadership). When a third of the tasks have succeeded the leading process is killed with
 * kill -9; another must take the lead and reap its leases. Times the drain until the database
 * shows all N succeeded, and counts succeeded executions (N when every task completed exactly once).
 * The last line is one JSON object.
 */
final class ScaleOutBench {
    private static final String LEADS = "LEADS ";

    private ScaleOutBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--serve")) {
            serve(args[1], args[2]);
            return;
        }
        String engineName = QueueBench.option(args, "--engine", "postgresql");
        int n = Integer.parseInt(QueueBench.option(args, "--tasks", "100000"));
        int processes = Integer.parseInt(QueueBench.option(args, "--processes", "3"));
        BenchDatabase.Engine engine = BenchDatabase.Engine.valueOf(engineName.toUpperCase(Locale.ROOT));
        Path work = Files.createDirectories(Path.of("bench/target/work").toAbsolutePath());
        List<Process> running = new ArrayList<>();
        try (BenchDatabase target = BenchDatabase.create(engine, "scaleout", work);
                Database db = Database.open(target.flowbaseConfig())) {
            Flowbase.migrator(db).migrate();
            UUID org = Stores.create(db).organizations().create("Bench", "bench").id();
            Queue queue = Queue.create(db);
            List<NewTask> chunk = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                chunk.add(NewTask.named(org, "noop").inQueue("bench"));
                if (chunk.size() == 5_000 || i == n - 1) {
                    queue.enqueueAll(chunk);
                    chunk.clear();
                }
            }
            BlockingQueue<String> leaders = new LinkedBlockingQueue<>();
            long start = System.nanoTime();
            for (int p = 0; p < processes; p++) {
                Process process = new ProcessBuilder(Processes.java(
                                ScaleOutBench.class.getName(), "--serve", target.flowbaseUrl(), "serve-" + p))
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                running.add(process);
                Thread.ofPlatform().daemon().start(() -> readLeaders(process, leaders));
            }
            String first = leaders.poll(2, TimeUnit.MINUTES);
            await(db, n / 3);
            long killedAt = System.nanoTime();
            running.get(Integer.parseInt(first.substring("serve-".length()))).destroyForcibly().waitFor();
            String next = leaders.poll(2, TimeUnit.MINUTES);
            double leadPassedSeconds = (System.nanoTime() - killedAt) / 1e9;
            await(db, n);
            double seconds = (System.nanoTime() - start) / 1e9;
            int executions = count(db, "SELECT COUNT(*) FROM task_executions WHERE status = 'succeeded'");
            System.out.printf(
                    Locale.ROOT,
                    "{\"bench\": \"scale-out\", \"engine\": \"%s\", \"tasks\": %d, \"processes\": %d, \"drain_s\": %.1f,"
                            + " \"process_per_s\": %.0f, \"killed_leader\": \"%s\", \"next_leader\": \"%s\","
                            + " \"lead_passed_s\": %.2f, \"succeeded_executions\": %d, \"exactly_once\": %b}%n",
                    engine.id,
                    n,
                    processes,
                    seconds,
                    n / seconds,
                    first,
                    next,
                    leadPassedSeconds,
                    executions,
                    executions == n);
        } finally {
            running.forEach(Process::destroyForcibly);
        }
    }

    /** One "serve" process: four workers and the reaper under leadership, until it is killed. */
    private static void serve(String url, String name) throws Exception {
        Database db = Database.open(DatabaseConfig.fromUrl(url));
        Queue queue = Queue.create(db);
        for (int t = 0; t < 4; t++) {
            String worker = name + "-" + t;
            Thread.ofPlatform().daemon().start(() -> {
                List<Lease> leases = List.of();
                while (true) {
                    leases = leases.isEmpty()
                            ? queue.claim("bench", 100, worker, Duration.ofSeconds(30))
                            : queue.completeAndClaim(leases, "bench", 100, worker, Duration.ofSeconds(30));
                    if (leases.isEmpty()) {
                        idle();
                    }
                }
            });
        }
        Leadership leadership = queue.leadership("reaper");
        for (boolean led = false; ; Thread.sleep(200)) {
            boolean leads = leadership.lead();
            if (leads && !led) {
                System.out.println(LEADS + name);
                System.out.flush();
            }
            led = leads;
            if (leads) {
                queue.reap();
            }
        }
    }

    /** An idle worker's poll interval. */
    private static void idle() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(Database db, int n) throws InterruptedException {
        while (count(db, "SELECT COUNT(*) FROM tasks WHERE status = 'succeeded'") < n) {
            Thread.sleep(200);
        }
    }

    private static void readLeaders(Process p, BlockingQueue<String> leaders) {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(LEADS)) {
                    leaders.add(line.substring(LEADS.length()));
                }
            }
        } catch (IOException e) {
            // killed
        }
    }

    private static int count(Database db, String sql) {
        return db.withHandle("Counting", h -> h.createQuery(sql).mapTo(Integer.class).one());
    }
}
