package dev.flowbase.server.http;

import dev.flowbase.config.FlowbaseConfig;
import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.queue.Fallback;
import dev.flowbase.queue.Queue;
import dev.flowbase.queue.TaskListener;
import dev.flowbase.store.Stores;
import java.time.Duration;

/** What the route groups work with: one of each per server, shared by every request. */
public record Services(FlowbaseConfig config, Database database, Stores stores, Queue queue) {
    /** How often the leader looks for tasks the fallback kept while the database was away. */
    static final Duration REPLAY_EVERY = Duration.ofSeconds(2);

    /**
     * The server's services; the queue keeps new tasks in the outbox of the fallback that
     * {@code DB_FALLBACK_URL} names (opened now) while the database is unreachable.
     */
    static Services of(FlowbaseConfig config, Database database, Stores stores, TaskListener listener) {
        Queue queue = Queue.create(database)
                .withStores(stores)
                .withListener(listener)
                .withFallback(Fallback.open(config.database()));
        return new Services(config, database, stores, queue);
    }

    /** A migrator on the server's database, with the configuration's placeholders. */
    public Migrator migrator() {
        return Migrator.configure()
                .database(database)
                .placeholders(config.placeholders())
                .load();
    }
}
