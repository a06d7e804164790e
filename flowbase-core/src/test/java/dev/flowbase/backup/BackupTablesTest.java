package dev.flowbase.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowbase.db.Database;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup create --tables}: the archive holds the tables asked for and those they reference
 * (so it restores into an empty database), nothing else; a name that is no Flowbase table is refused.
 */
class BackupTablesTest {
    @TempDir
    Path dir;

    @EngineTest
    void chosenTablesComeWithTheirParentsAndRestoreIntoAnEmptyDatabase(Database db) {
        BackupFixtures.fill(db);
        Path file = dir.resolve("tasks.fbk");

        Manifest m = BackupFixtures.backup(db, file, new BackupOptions(null, null, Set.of("tasks")));

        assertThat(m.tables())
                .extracting(Manifest.Table::name)
                .contains("organizations", "tasks")
                .doesNotContain("logs", "task_queue", "audit_log");
        assertThat(m.tables())
                .filteredOn(t -> t.name().equals("tasks"))
                .singleElement()
                .satisfies(t -> assertThat(t.rows()).isEqualTo(2));
        try (TestDatabase target = TestDatabase.create(db.engine())) {
            RestoreReport report =
                    Backups.restore(file, target.open(), new RestoreOptions(null, false, null), BackupProgress.NONE);
            assertThat(report.rows()).containsEntry("tasks", 2L).doesNotContainKey("logs");
        }
        assertThatThrownBy(() -> BackupFixtures.backup(
                        db, dir.resolve("bad.fbk"), new BackupOptions(null, null, Set.of("tasks", "nope"))))
                .hasMessageContaining("--tables nope")
                .hasMessageContaining("expected some of")
                .hasMessageContaining("task_queue");
        assertThat(dir.resolve("bad.fbk")).doesNotExist();
        assertThat(dir.resolve("bad.fbk.partial")).doesNotExist();
    }
}
