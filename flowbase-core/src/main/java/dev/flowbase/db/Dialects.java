package dev.flowbase.db;

import dev.flowbase.engine.Engine;
import dev.flowbase.engine.EngineKit;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/** Picks the dialect for an engine, and confirms it from what a live connection says it is. */
public final class Dialects {
    private Dialects() {}

    public static Dialect forEngine(Engine engine) {
        return EngineKit.of(engine).part(Dialect.class);
    }

    /** The engine a connection's metadata names, for example {@code PostgreSQL} or {@code MariaDB}. */
    public static Engine detect(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName();
        return Engine.fromProductName(product)
                .orElseThrow(() -> new SQLException("Flowbase does not support " + product));
    }
}
