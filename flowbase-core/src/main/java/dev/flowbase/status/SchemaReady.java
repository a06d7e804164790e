package dev.flowbase.status;

import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import java.util.function.BooleanSupplier;

/**
 * Whether a server's background jobs (the reaper, the dashboard's history, log retention) may
 * touch Flowbase's tables: true once the migrations are current, as {@code /health} judges them.
 * On a database nobody has initialised yet the jobs wait quietly (the 503 of {@code /health} says
 * what to do) instead of logging "no such table" at every tick. Once true it stays true, so a
 * running server asks the history table only until then.
 */
public final class SchemaReady implements BooleanSupplier {
    private final Migrator migrator;
    private volatile boolean ready;

    private SchemaReady(Migrator migrator) {
        this.migrator = migrator;
    }

    public static SchemaReady of(Database database) {
        return new SchemaReady(Migrator.configure().database(database).load());
    }

    @Override
    public boolean getAsBoolean() {
        if (!ready) {
            try {
                ready = MigrationsCheck.of(migrator.status()).verdict() == Verdict.OK;
            } catch (RuntimeException e) {
                return false; // the database is away: the jobs wait, and /health says so
            }
        }
        return ready;
    }
}
