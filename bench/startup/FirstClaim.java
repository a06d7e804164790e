import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.db.Database;
import dev.flowbase.queue.Queue;
import dev.flowbase.queue.Worker;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.store.TaskOutcome;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A short-lived Java worker, as a user's own main would be: the library's Worker on a Queue, for
 * bench/startup/run (compiled there against the jar of each variant, never part of the product).
 *   java -cp flowbase.jar:DIR FirstClaim enqueue sqlite:FILE   one ready task (a template file)
 *   java -cp flowbase.jar:DIR FirstClaim sqlite:FILE           claims it; the handler prints the
 *                                                              time (epoch milliseconds), and the
 *                                                              process exits (the caller takes its
 *                                                              start from this: the JDK's process
 *                                                              start time is off in a container)
 */
public final class FirstClaim {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("enqueue")) {
            try (Database db = Database.open(DatabaseConfig.fromUrl(args[1]))) {
                var org = Stores.create(db).organizations().create("Bench", "bench").id();
                Queue.create(db).enqueue(NewTask.named(org, "first").inQueue("bench"));
            }
            return;
        }
        CountDownLatch claimed = new CountDownLatch(1);
        Database db = Database.open(DatabaseConfig.fromUrl(args[0]));
        Worker.on(Queue.create(db))
                .name("first-claim")
                .queue("bench", 1)
                .idle(Duration.ofMillis(10), Duration.ofMillis(50))
                .handler("task", task -> {
                    System.out.println(System.currentTimeMillis());
                    claimed.countDown();
                    return TaskOutcome.NONE;
                })
                .start();
        // Exits at once (no orderly close of the worker: the claim is what is timed), through
        // System.exit so that a training run (-XX:AOTCacheOutput) writes its cache.
        System.exit(claimed.await(1, TimeUnit.MINUTES) ? 0 : 1);
    }
}
