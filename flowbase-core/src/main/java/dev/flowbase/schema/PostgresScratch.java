package dev.flowbase.schema;

import dev.flowbase.config.PoolSettings;
import dev.flowbase.db.Database;

/** A schema in the live database, first on the search path of a separate pool; dropped on close. */
record PostgresScratch(Database live, String schema, Database database) implements ScratchSpace {

    static PostgresScratch create(Database live, String schema) {
        for (String stale : ScratchNames.existing(live, "SELECT nspname FROM pg_namespace WHERE nspname LIKE ?")) {
            if (ScratchNames.stale(stale, java.time.Instant.now())) {
                ScratchSpace.execute(live, dropSql(live, stale));
            }
        }
        ScratchSpace.execute(live, "CREATE SCHEMA " + live.dialect().quoteIdentifier(schema));
        try {
            Database scratch = Database.open(live.config().toBuilder()
                    .option("currentSchema", schema)
                    .pool(PoolSettings.defaults().withMaxSize(1))
                    .build());
            return new PostgresScratch(live, schema, scratch);
        } catch (RuntimeException e) {
            ScratchSpace.execute(live, dropSql(live, schema));
            throw e;
        }
    }

    @Override
    public void close() {
        database.close();
        ScratchSpace.execute(live, dropSql(live, schema));
    }

    static String dropSql(Database live, String schema) {
        return "DROP SCHEMA IF EXISTS " + live.dialect().quoteIdentifier(schema) + " CASCADE";
    }
}
