package dev.flowbase;

import dev.flowbase.cache.Shared;
import dev.flowbase.config.FlowbaseConfig;
import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.queue.DatabaseEvents;
import dev.flowbase.security.MasterKey;
import dev.flowbase.security.SecretBox;
import dev.flowbase.store.Stores;
import dev.flowbase.util.BuildInfo;
import java.time.InstantSource;

/** The front door of the library. */
public final class Flowbase {
    private Flowbase() {}

    /**
     * A migrator for Flowbase's own schema on {@code database}; use {@link Migrator#configure()} for a
     * user's set, another history table or a lock timeout.
     */
    public static Migrator migrator(Database database) {
        return Migrator.configure().database(database).load();
    }

    /**
     * The data layer on {@code database}, sealing sensitive configurations with the master key that
     * {@code config} names (when it names one).
     */
    public static Stores stores(Database database, FlowbaseConfig config) {
        Stores stores = Stores.create(database);
        return MasterKey.from(config.security())
                .map(key -> stores.withSecretBox(new SecretBox(key)))
                .orElse(stores);
    }

    /**
     * What this process shares with the servers on {@code database}: the cache, the rate limits and
     * the event bus, in the Redis of {@code config} when it names one; else in this process, the
     * events also sent to and heard from the other processes on the database where the engine can
     * (PostgreSQL's LISTEN/NOTIFY). A worker or a library user publishes through it what the
     * servers' {@code GET /api/events} streams; close it when done:
     *
     * <pre>{@code
     * try (Shared shared = Flowbase.shared(database, config)) {
     *     Queue queue = Queue.create(database).withEvents(shared.events());
     *     Stores stores = Flowbase.stores(database, config).withEvents(shared.events());
     *     …
     * }
     * }</pre>
     */
    public static Shared shared(Database database, FlowbaseConfig config) {
        return Shared.connect(config.redisUrl(), Shared.PREFIX, InstantSource.system(), DatabaseEvents.over(database));
    }

    /** This build's version, for example {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return BuildInfo.version();
    }

    /** The commit this build was made from, or {@code unknown} for a developer's build. */
    public static String commit() {
        return BuildInfo.commit();
    }
}
