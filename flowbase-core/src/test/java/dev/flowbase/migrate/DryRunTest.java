package dev.flowbase.migrate;

import static dev.flowbase.migrate.Fixtures.catalog;
import static dev.flowbase.migrate.Fixtures.copy;
import static dev.flowbase.migrate.Fixtures.migrator;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.testing.EngineTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** A dry run prints the exact SQL and leaves the catalog exactly as it was, history table included. */
class DryRunTest {
    @TempDir
    Path dir;

    @EngineTest
    void aDryRunMigrateChangesNothingAndCreatesNoHistoryTable(Database db) throws Exception {
        Migrator m = migrator(db, copy("basic", dir));
        List<String> before = catalog(db);

        MigrateResult plan = m.migrate(MigrateRequest.all().with(Run.DRY_RUN));

        assertThat(catalog(db)).isEqualTo(before);
        assertThat(plan.dryRun()).isTrue();
        assertThat(plan.executed().getFirst().sql())
                .containsExactly(
                        "CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL)",
                        "INSERT INTO items (id, name) VALUES (1, 'a;b -- not a comment ?')");
        assertThat(Fixtures.versions(plan.executed())).containsExactly("1", "1.9", "1.10", "2");
    }

    @EngineTest
    void aDryRunRollbackChangesNothing(Database db) throws Exception {
        Migrator m = migrator(db, copy("basic", dir));
        m.migrate();
        List<String> before = catalog(db);
        StatusReport statusBefore = m.status();

        RollbackResult plan = m.rollbackTo(Version.ZERO, Run.DRY_RUN);

        assertThat(catalog(db)).isEqualTo(before);
        assertThat(m.status()).isEqualTo(statusBefore);
        assertThat(plan.undone())
                .extracting(ExecutedScript::sql)
                .containsExactly(
                        List.of("DROP TABLE tags"),
                        List.of("DROP TABLE notes"),
                        List.of("DROP TABLE labels"),
                        List.of("DROP TABLE items"));
    }
}
