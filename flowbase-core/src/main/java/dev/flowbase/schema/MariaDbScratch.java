package dev.flowbase.schema;

import dev.flowbase.config.PoolSettings;
import dev.flowbase.db.Database;

/** A database next to the live one on the same server (needs CREATE and DROP); dropped on close. */
record MariaDbScratch(Database live, String name, Database database) implements ScratchSpace {

    static MariaDbScratch create(Database live, String name) {
        for (String stale : ScratchNames.existing(
                live, "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE ?")) {
            if (ScratchNames.stale(stale, java.time.Instant.now())) {
                ScratchSpace.execute(live, live.dialect().dropDatabaseSql(stale));
            }
        }
        ScratchSpace.execute(live, live.dialect().createDatabaseSql(name));
        try {
            Database scratch = Database.open(live.config()
                    .withDatabase(name)
                    .withPool(PoolSettings.defaults().withMaxSize(1)));
            return new MariaDbScratch(live, name, scratch);
        } catch (RuntimeException e) {
            ScratchSpace.execute(live, live.dialect().dropDatabaseSql(name));
            throw e;
        }
    }

    @Override
    public void close() {
        database.close();
        ScratchSpace.execute(live, live.dialect().dropDatabaseSql(name));
    }
}
