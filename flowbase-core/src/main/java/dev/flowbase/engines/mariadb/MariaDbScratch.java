package dev.flowbase.engines.mariadb;

import dev.flowbase.config.PoolSettings;
import dev.flowbase.db.Database;
import dev.flowbase.schema.ScratchSpace;
import dev.flowbase.schema.ScratchSpaces;
import java.util.List;

/** A database next to the live one on the same server (needs CREATE and DROP); dropped on close. */
final class MariaDbScratch implements ScratchSpaces {

    @Override
    public ScratchSpace create(Database live, String name) {
        live.execute("Preparing the expected schema", live.dialect().createDatabaseSql(name));
        try {
            Database scratch = Database.open(live.config()
                    .withDatabase(name)
                    .withPool(PoolSettings.defaults().withMaxSize(1)));
            return ScratchSpace.of(scratch, () -> drop(live, name));
        } catch (RuntimeException e) {
            drop(live, name);
            throw e;
        }
    }

    @Override
    public void drop(Database live, String name) {
        live.execute("Preparing the expected schema", live.dialect().dropDatabaseSql(name));
    }

    @Override
    public List<String> existing(Database live, String prefix) {
        return ScratchSpace.names(
                live, "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE ?", prefix);
    }
}
