package dev.flowbase.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** A table added to the schema must get a store and a place in {@code seed clean}'s list, or this fails. */
class EveryTableHasAStoreTest {

    @EngineTest
    void everyTableOfTheSchemaHasAStoreAndIsEmptiedBySeedClean(Database db) throws SQLException {
        Migrator.configure().database(db).load().migrate();
        Set<String> tables = new TreeSet<>();
        try (Connection c = db.connection();
                ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        tables.remove("flowbase_schema_history");
        tables.removeIf(t -> t.startsWith("sqlite_"));
        // SQLite's full-text indexes (V4): kept in step by triggers, emptied with their tables.
        tables.removeIf(t -> t.startsWith("fts_"));

        assertThat(Stores.TABLE_OWNERS.keySet()).containsExactlyInAnyOrderElementsOf(tables);
        assertThat(Seeder.DATA_TABLES).containsExactlyInAnyOrderElementsOf(tables);
    }
}
