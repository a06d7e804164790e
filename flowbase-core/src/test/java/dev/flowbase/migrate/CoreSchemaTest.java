package dev.flowbase.migrate;

import static dev.flowbase.migrate.Fixtures.tables;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.Flowbase;
import dev.flowbase.db.Database;
import dev.flowbase.testing.EngineTest;

/** Flowbase's own schema, read from the classpath, migrates and rolls back cleanly on every engine. */
class CoreSchemaTest {

    @EngineTest
    void theCoreSchemaMigratesRollsBackAndMigratesAgain(Database db) throws Exception {
        Migrator m = Flowbase.migrator(db);

        MigrateResult up = m.migrate();

        assertThat(Fixtures.versions(up.executed())).containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(tables(db)).contains("organizations", "workflows", "tasks", "audit_log", Migrator.DEFAULT_TABLE);
        assertThat(m.validate().ok()).isTrue();

        m.rollbackTo(Version.ZERO, Run.APPLY);

        assertThat(tables(db)).containsExactly(Migrator.DEFAULT_TABLE);
        assertThat(Fixtures.versions(m.migrate().executed())).containsExactly("1", "2", "3", "4", "5", "6", "7");
    }
}
