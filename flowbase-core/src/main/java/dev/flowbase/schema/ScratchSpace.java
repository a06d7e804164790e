package dev.flowbase.schema;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.db.Database;
import dev.flowbase.db.SqlErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

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

    static ScratchSpace beside(Database live) {
        String name = "flowbase_expected_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return switch (live.engine()) {
            case SQLITE -> new SqliteScratch(Database.open(DatabaseConfig.fromUrl("sqlite::memory:")));
            case POSTGRESQL -> PostgresScratch.create(live, name);
            case MARIADB -> MariaDbScratch.create(live, name);
        };
    }
}
