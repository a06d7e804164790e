package dev.flowbase.queue;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.db.Database;
import dev.flowbase.store.TaskOutcome;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The main class of the worker JVMs of the queue's process tests. {@code URL} runs a worker named
 * {@code doomed} whose handler says which task it started and then never returns
 * ({@link KilledWorkerTest}); {@code drain URL NAME} drains the queue with four threads, printing
 * each task it completed, and exits when the queue is empty ({@link TwoJvmDrainTest}); {@code share
 * URL NAME} works the queue with four threads and five-second leases and reaps under leadership,
 * printing when it takes the lead, until it is killed ({@link ThreeProcessDrainTest}).
 */
public final class WorkerProcess {
    static final String STARTED = "FLOWBASE-STARTED ";
    static final String DONE = "FLOWBASE-DONE ";
    /** Printed after each committed batch of completions. */
    static final String COMPLETED = "FLOWBASE-COMPLETED";

    static final String LEADS = "FLOWBASE-LEADS ";

    private WorkerProcess() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("drain")) {
            drain(args[1], args[2]);
            return;
        }
        if (args[0].equals("share")) {
            share(args[1], args[2]);
            return;
        }
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

    private static void drain(String url, String name) throws Exception {
        try (Database db = Database.open(DatabaseConfig.fromUrl(url))) {
            Queue queue = Queue.create(db);
            Thread[] threads = new Thread[4];
            for (int t = 0; t < threads.length; t++) {
                String worker = name + "-" + t;
                threads[t] = Thread.ofPlatform().start(() -> {
                    for (var leases = queue.claim("jobs", 10, worker, Duration.ofMinutes(10));
                            !leases.isEmpty();
                            leases = queue.claim("jobs", 10, worker, Duration.ofMinutes(10))) {
                        queue.completeAll(leases);
                        StringBuilder out = new StringBuilder();
                        leases.forEach(l -> out.append(DONE).append(l.taskId()).append('\n'));
                        synchronized (System.out) {
                            System.out.print(out);
                            System.out.flush();
                        }
                    }
                });
            }
            for (Thread t : threads) {
                t.join();
            }
        }
    }

    /** What a {@code serve} process does with the queue, without HTTP: works it, and reaps while it leads. */
    private static void share(String url, String name) throws Exception {
        Database db = Database.open(DatabaseConfig.fromUrl(url));
        Queue queue = Queue.create(db);
        for (int t = 0; t < 4; t++) {
            String worker = name + "-" + t;
            Thread.ofPlatform().daemon().start(() -> {
                while (true) {
                    var leases = queue.claim("jobs", 10, worker, Duration.ofSeconds(5));
                    if (leases.isEmpty()) {
                        pause(); // an idle worker's poll, as a Worker's
                    } else {
                        queue.completeAll(leases);
                        System.out.println(COMPLETED); // after the commit: the test's cue to look
                    }
                }
            });
        }
        Leadership leadership = queue.leadership("reaper");
        for (boolean led = false; ; pause()) {
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

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
