package dev.flowbase.engines.postgresql;

import dev.flowbase.config.PoolSettings;
import dev.flowbase.db.Database;
import dev.flowbase.schema.ScratchSpace;
import dev.flowbase.schema.ScratchSpaces;
import java.util.List;

/** A schema in the live database, first on the search path of a separate pool; dropped on close. */
final class PostgresScratch implements ScratchSpaces {

    @Override
    public ScratchSpace create(Database live, String schema) {
        live.execute(
                "Preparing the expected schema",
                "CREATE SCHEMA " + live.dialect().quoteIdentifier(schema));
        try {
            Database scratch = Database.open(live.config().toBuilder()
                    .option("currentSchema", schema)
                    .pool(PoolSettings.defaults().withMaxSize(1))
                    .build());
            return ScratchSpace.of(scratch, () -> drop(live, schema));
        } catch (RuntimeException e) {
            drop(live, schema);
            throw e;
        }
    }

    @Override
    public void drop(Database live, String schema) {
        live.execute(
                "Preparing the expected schema",
                "DROP SCHEMA IF EXISTS " + live.dialect().quoteIdentifier(schema) + " CASCADE");
    }

    @Override
    public List<String> existing(Database live, String prefix) {
        return ScratchSpace.names(live, "SELECT nspname FROM pg_namespace WHERE nspname LIKE ?", prefix);
    }
}
