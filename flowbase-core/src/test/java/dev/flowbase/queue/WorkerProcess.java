package dev.flowbase.queue;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.db.Database;
import dev.flowbase.store.TaskOutcome;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The main class of the worker JVM that {@link KilledWorkerTest} kills: {@code URL} runs a worker
 * named {@code doomed} whose handler says which task it started and then never returns.
 */
public final class WorkerProcess {
    static final String STARTED = "FLOWBASE-STARTED ";

    private WorkerProcess() {}

    public static void main(String[] args) throws InterruptedException {
        Database db = Database.open(DatabaseConfig.fromUrl(args[0]));
        Worker.on(Queue.create(db))
                .name("doomed")
                .queue("jobs", 2)
                .lease(Duration.ofMinutes(10))
                .handler("slow", task -> {
                    System.out.println(STARTED + task.id());
                    System.out.flush();
                    new CountDownLatch(1).await(); // until the test kills this JVM
                    return TaskOutcome.NONE;
                })
                .start();
        new CountDownLatch(1).await();
    }
}
