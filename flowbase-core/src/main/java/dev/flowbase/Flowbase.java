package dev.flowbase;

import dev.flowbase.config.FlowbaseConfig;
import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.security.MasterKey;
import dev.flowbase.security.SecretBox;
import dev.flowbase.store.Stores;
import dev.flowbase.util.BuildInfo;

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

    /** This build's version, for example {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return BuildInfo.version();
    }

    /** The commit this build was made from, or {@code unknown} for a developer's build. */
    public static String commit() {
        return BuildInfo.commit();
    }
}
