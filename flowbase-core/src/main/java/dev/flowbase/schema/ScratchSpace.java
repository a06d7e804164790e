package dev.flowbase.schema;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.db.Database;
import dev.flowbase.db.SqlErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * An empty place beside the live database in which the migrations are replayed to learn what the
 * schema should be: an in-memory SQLite database, a PostgreSQL schema, a MariaDB database. It is
 * removed on close.
 */
interface ScratchSpace extends AutoCloseable {

    /** The scratch database, open. */
    Database database();

    @Override
    void close();

    /** Runs one administrative statement on the live database. */
    static void execute(Database db, String sql) {
        try (Connection c = db.connection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw SqlErrors.statement(db.dialect(), "Preparing the expected schema", e);
        }
    }

    /**
     * A new scratch space beside {@code live}, after removing those that killed runs left behind. It
     * is also removed when the process is interrupted (SIGINT, SIGTERM) before it is closed.
     */
    static ScratchSpace beside(Database live) {
        String name = ScratchNames.next(Instant.now());
        return switch (live.engine()) {
            case SQLITE -> new SqliteScratch(Database.open(DatabaseConfig.fromUrl("sqlite::memory:")));
            case POSTGRESQL ->
                OnInterrupt.guard(
                        () -> execute(live, PostgresScratch.dropSql(live, name)),
                        () -> PostgresScratch.create(live, name));
            case MARIADB ->
                OnInterrupt.guard(
                        () -> execute(live, live.dialect().dropDatabaseSql(name)),
                        () -> MariaDbScratch.create(live, name));
        };
    }
}
