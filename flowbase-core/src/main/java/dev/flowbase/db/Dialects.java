package dev.flowbase.db;

import dev.flowbase.engine.Engine;
import dev.flowbase.engine.EngineKit;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/** Picks the dialect for an engine, and confirms it from what a live connection says it is. */
public final class Dialects {
    private Dialects() {}

    public static Dialect forEngine(Engine engine) {
        return EngineKit.of(engine).part(Dialect.class);
    }

    /** The engine a connection's metadata names, for example {@code PostgreSQL} or {@code MariaDB}. */
    public static Engine detect(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return Engine.POSTGRESQL;
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            return Engine.MARIADB;
        }
        if (product.contains("sqlite")) {
            return Engine.SQLITE;
        }
        throw new SQLException("Flowbase does not support " + metaData.getDatabaseProductName());
    }
}
