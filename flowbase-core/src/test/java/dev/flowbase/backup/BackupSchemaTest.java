package dev.flowbase.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.engine.Engine;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.testing.TestDatabase;
import dev.flowbase.testing.TestEngines;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every engine reads the same neutral kind for every column of Flowbase's schema. SQLite declares ids,
 * times and JSON all as TEXT, so its kinds come from the schema's conventions; a migration that breaks
 * them (a time column not named {@code *_at}, JSON without {@code json_valid}) fails here, naming the
 * column, before an archive could carry a wrong kind.
 */
class BackupSchemaTest {

    @Test
    void everyEngineReadsTheSameKindForEveryColumn() throws SQLException {
        Map<Engine, Map<String, Map<String, ColumnKind>>> byEngine = new LinkedHashMap<>();
        for (Engine engine : TestEngines.selected()) {
            try (TestDatabase test = TestDatabase.create(engine)) {
                Database db = test.open();
                Migrator.configure().database(db).load().migrate();
                byEngine.put(engine, kinds(db));
            }
        }
        Map<String, Map<String, ColumnKind>> first =
                byEngine.values().iterator().next();
        assertThat(first).containsKeys("tasks", "workflows", "configurations");
        assertThat(first.get("tasks"))
                .containsEntry("id", ColumnKind.UUID)
                .containsEntry("run_at", ColumnKind.INSTANT)
                .containsEntry("parameters", ColumnKind.JSON);
        assertThat(first.get("configurations")).containsEntry("is_sensitive", ColumnKind.BOOLEAN);
        byEngine.forEach(
                (engine, kinds) -> assertThat(kinds).as("kinds on %s", engine).isEqualTo(first));
    }

    private static Map<String, Map<String, ColumnKind>> kinds(Database db) throws SQLException {
        SourceSchema schema = SourceSchema.of(db);
        BackupSql sql = BackupSql.forEngine(db.engine());
        Map<String, Map<String, ColumnKind>> kinds = new TreeMap<>();
        try (Connection c = db.connection()) {
            for (String table : schema.tables()) {
                kinds.put(table, new TreeMap<>(sql.columnKinds(c, table)));
            }
        }
        return kinds;
    }
}
