package dev.flowbase.server.http.api;

import dev.flowbase.cache.Shared;
import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.db.Database;
import dev.flowbase.queue.DatabaseEvents;
import dev.flowbase.queue.Lease;
import dev.flowbase.queue.Queue;
import dev.flowbase.store.Stores;
import dev.flowbase.store.TaskOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The main class of {@link RemoteEventsTest}'s worker JVM: a library user that is no server.
 * {@code URL REDIS_URL|- PREFIX WORKFLOW} starts a run of the workflow through the stores, then
 * completes the tasks of queue {@code remote} one at a time until none is left, publishing as
 * {@code Flowbase.shared} does (Redis under the prefix, else the database's notifications), and
 * prints {@link #DONE} once all is sent.
 */
public final class RemoteWorker {
    static final String DONE = "FLOWBASE-DONE";

    private RemoteWorker() {}

    public static void main(String[] args) throws InterruptedException {
        Optional<String> redis = args[1].equals("-") ? Optional.empty() : Optional.of(args[1]);
        try (Database db = Database.open(DatabaseConfig.fromUrl(args[0]));
                Shared shared = Shared.connect(redis, args[2], Clock.systemUTC(), DatabaseEvents.over(db))) {
            if (redis.isPresent()) {
                awaitRedis(shared); // on a loaded machine the first connection may time out: events would stay here
            }
            Stores.create(db)
                    .withEvents(shared.events())
                    .executions()
                    .startWorkflow(UUID.fromString(args[3]), null, null);
            Queue queue = Queue.create(db).withEvents(shared.events());
            for (List<Lease> leases = queue.claim("remote", 1, "remote-1", Duration.ofMinutes(1));
                    !leases.isEmpty();
                    leases = queue.claim("remote", 1, "remote-1", Duration.ofMinutes(1))) {
                queue.complete(leases.get(0), TaskOutcome.NONE);
            }
        }
        System.out.println(DONE); // after close: the events are sent
        System.out.flush();
    }

    /** Waits, bounded, until {@code shared} uses its Redis: told by its change of state, not polled. */
    static void awaitRedis(Shared shared) throws InterruptedException {
        CountDownLatch up = new CountDownLatch(1);
        Runnable check = () -> {
            if (shared.state().mode().equals("redis")) {
                up.countDown();
            }
        };
        shared.onChange(check);
        check.run();
        if (!up.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(
                    "Redis did not answer within 30 s: " + shared.state().detail());
        }
    }
}
