package dev.flowbase.seed;

import dev.flowbase.config.Environments;
import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.store.Configuration;
import dev.flowbase.store.Stores;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The environment a database was initialised for, kept in the database itself (an installation-wide
 * row of {@code configurations}), so that production is a property of the data and not of whichever
 * shell a command happens to run in. Once production, always production: a later init for another
 * environment does not lower it.
 */
public final class InstalledEnvironment {
    static final String KEY = "flowbase.environment";

    private InstalledEnvironment() {}

    /** The recorded environment; empty for a database that was never initialised. */
    public static Optional<String> read(Database db) {
        boolean initialised = db.withHandle("Reading the environment recorded in the database", h -> {
            try {
                DatabaseMetaData meta = h.getConnection().getMetaData();
                try (ResultSet t = meta.getTables(
                        h.getConnection().getCatalog(), h.getConnection().getSchema(), "configurations", null)) {
                    return t.next();
                }
            } catch (SQLException e) {
                throw new FlowbaseException(ErrorCode.DATABASE_ERROR, "Cannot read the database's tables", e);
            }
        });
        return initialised ? read(Stores.create(db)) : Optional.empty();
    }

    static Optional<String> read(Stores stores) {
        return stores.configurations().get(null, KEY).map(Configuration::value);
    }

    /** Records {@code environment} unless the database already says so, or already says production. */
    static void record(Stores stores, String environment) {
        Optional<String> now = read(stores);
        if (now.isEmpty() || (!now.get().equals(environment) && environment.equals(Environments.PRODUCTION))) {
            stores.configurations()
                    .put(
                            null,
                            KEY,
                            environment,
                            Configuration.Type.STRING,
                            false,
                            "The environment this database was initialised for");
        }
    }

    /** Refuses {@code action} when either the local setting or the database says production. */
    public static void refuseInProduction(Database db, String configured, String action) {
        boolean database = productionDatabase(db);
        if (database || Environments.PRODUCTION.equals(configured)) {
            throw new FlowbaseException(
                    ErrorCode.REFUSED,
                    action + " is refused in production ("
                            + (database
                                    ? "the database was initialised for production"
                                    : "the configured environment is production")
                            + ")");
        }
    }

    /** Whether either the local setting or the database says production. */
    public static boolean isProduction(Database db, String configured) {
        return Environments.PRODUCTION.equals(configured) || productionDatabase(db);
    }

    /** Whether the database was initialised for production. */
    static boolean productionDatabase(Stores stores) {
        return read(stores).map(Environments.PRODUCTION::equals).orElse(false);
    }

    private static boolean productionDatabase(Database db) {
        return read(db).map(Environments.PRODUCTION::equals).orElse(false);
    }
}
