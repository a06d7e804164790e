package dev.flowbase;

import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
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

    /** This build's version, for example {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return BuildInfo.version();
    }
}
