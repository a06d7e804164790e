package dev.flowbase.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** {@code migrate clean}: the history table first, then every object the engine lists, in one go. */
final class Clean {
    private Clean() {}

    /** Drops everything under the migration lock; returns what was dropped, in order. */
    static List<String> dropAll(Connection c, EngineSupport engine, String quotedTable, String table)
            throws SQLException {
        List<String> dropped = new ArrayList<>();
        engine.begin(c);
        try {
            engine.withoutForeignKeyChecks(c, () -> {
                // The history goes first: a clean cut short never leaves a history claiming what is gone.
                EngineSupport.execute(c, "DROP TABLE IF EXISTS " + quotedTable);
                dropped.add("table " + table);
                for (DbObject o : engine.objects(c)) {
                    EngineSupport.execute(c, engine.dropSql(o));
                    dropped.add(o.toString());
                }
            });
            engine.commit(c);
        } catch (SQLException | RuntimeException e) {
            engine.rollback(c);
            throw e;
        }
        return dropped;
    }
}
