package dev.flowbase.schema;

import dev.flowbase.db.Database;
import java.util.HashMap;
import java.util.Map;

/** A schema in the live database, first on the search path of a separate pool; dropped on close. */
record PostgresScratch(Database live, String schema, Database database) implements ScratchSpace {

    static PostgresScratch create(Database live, String schema) {
        ScratchSpace.execute(live, "CREATE SCHEMA " + live.dialect().quoteIdentifier(schema));
        Map<String, String> options = new HashMap<>(live.config().options());
        options.put("currentSchema", schema);
        var c = live.config();
        try {
            Database scratch = Database.open(new dev.flowbase.config.DatabaseConfig(
                    c.engine(),
                    c.host(),
                    c.port(),
                    c.database(),
                    c.user(),
                    c.password(),
                    c.ssl(),
                    c.sslVerify(),
                    dev.flowbase.config.PoolSettings.defaults().withMaxSize(1),
                    c.statementTimeout(),
                    c.debug(),
                    options));
            return new PostgresScratch(live, schema, scratch);
        } catch (RuntimeException e) {
            ScratchSpace.execute(live, "DROP SCHEMA IF EXISTS " + live.dialect().quoteIdentifier(schema) + " CASCADE");
            throw e;
        }
    }

    @Override
    public void close() {
        database.close();
        ScratchSpace.execute(live, "DROP SCHEMA IF EXISTS " + live.dialect().quoteIdentifier(schema) + " CASCADE");
    }
}
