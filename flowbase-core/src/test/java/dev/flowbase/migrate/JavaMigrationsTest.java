package dev.flowbase.migrate;

import static dev.flowbase.migrate.Fixtures.count;
import static dev.flowbase.migrate.Fixtures.versions;
import static dev.flowbase.migrate.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.testing.EngineTest;
import java.nio.file.Path;
import org.assertj.core.groups.Tuple;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.io.TempDir;

/** Java migrations registered next to a folder: ordered, recorded, undone and validated like files. */
class JavaMigrationsTest {
    @TempDir
    Path dir;

    /** Fills first_name from full_name: the kind of backfill that is easier in code. */
    static class SplitNames implements JavaMigration {
        private final String checksum;

        SplitNames(String checksum) {
            this.checksum = checksum;
        }

        @Override
        public String version() {
            return "2";
        }

        @Override
        public String description() {
            return "split names";
        }

        @Override
        public String checksum() {
            return checksum;
        }

        @Override
        public void migrate(Handle handle) {
            for (var row : handle.createQuery("SELECT id, full_name FROM people")
                    .mapToMap()
                    .list()) {
                handle.createUpdate("UPDATE people SET first_name = :first WHERE id = :id")
                        .bind("first", row.get("full_name").toString().split(" ")[0])
                        .bind("id", ((Number) row.get("id")).intValue())
                        .execute();
            }
        }

        @Override
        public boolean canUndo() {
            return true;
        }

        @Override
        public void undo(Handle handle) {
            handle.execute("UPDATE people SET first_name = NULL");
        }
    }

    private Migrator migrator(Database db, JavaMigration... java) {
        return Migrator.configure()
                .database(db)
                .location(MigrationLocation.directory(dir))
                .table("test_history")
                .javaMigrations(java)
                .load();
    }

    private void files() {
        write(dir.resolve("V1__people.sql"), """
                CREATE TABLE people (id INTEGER PRIMARY KEY, full_name VARCHAR(100), first_name VARCHAR(100));
                INSERT INTO people (id, full_name) VALUES (1, 'Ada Lovelace');
                INSERT INTO people (id, full_name) VALUES (2, 'Grace Hopper');
                """);
        write(dir.resolve("V3__more_people.sql"), "INSERT INTO people (id, full_name) VALUES (3, 'Alan Turing');\n");
        write(dir.resolve("U3__more_people.sql"), "DELETE FROM people WHERE id = 3;\n");
    }

    @EngineTest
    void aJavaMigrationRunsInVersionOrderAmongTheFilesAndIsRecordedUndoneAndValidated(Database db) throws Exception {
        files();

        MigrateResult up = migrator(db, new SplitNames("v1")).migrate();

        assertThat(versions(up.executed())).containsExactly("1", "2", "3");
        assertThat(count(db, "SELECT COUNT(*) FROM people WHERE first_name IS NOT NULL"))
                .isEqualTo(2);
        assertThat(migrator(db, new SplitNames("v1")).status().entries())
                .filteredOn(e -> "2".equals(e.version()))
                .extracting(StatusEntry::script, StatusEntry::state)
                .containsExactly(Tuple.tuple(SplitNames.class.getName(), "success"));
        assertThat(migrator(db, new SplitNames("v1")).validate().ok()).isTrue();
        assertThat(migrator(db, new SplitNames("v2")).validate().problems())
                .anyMatch(p -> p.contains(SplitNames.class.getName()));

        RollbackResult back = migrator(db, new SplitNames("v1")).rollbackSteps(2, Run.APPLY);

        assertThat(back.undone()).hasSize(2);
        assertThat(count(db, "SELECT COUNT(*) FROM people WHERE first_name IS NOT NULL"))
                .isZero();
        assertThat(count(db, "SELECT COUNT(*) FROM people")).isEqualTo(2);
    }

    @EngineTest
    void aFailingJavaMigrationIsRolledBackAndNamedWithoutItsSql(Database db) throws Exception {
        files();
        JavaMigration broken = new SplitNames("v1") {
            @Override
            public void migrate(Handle handle) {
                handle.execute("UPDATE people SET first_name = 'secret-value'");
                handle.execute("UPDATE no_such_table SET x = 1");
            }
        };

        var failure = catchThrowableOfType(
                FlowbaseException.class, () -> migrator(db, broken).migrate());

        assertThat(failure.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
        assertThat(failure.getMessage())
                .startsWith("Java migration " + broken.getClass().getName() + " (version 2) failed")
                .doesNotContain("secret-value");
        assertThat(count(db, "SELECT COUNT(*) FROM people WHERE first_name IS NOT NULL"))
                .isZero();
    }

    @EngineTest
    void aFileAndAJavaMigrationOfTheSameVersionAreRefusedNamingBoth(Database db) {
        files();
        write(dir.resolve("V2__also_two.sql"), "SELECT 1;\n");

        var clash = catchThrowableOfType(
                FlowbaseException.class,
                () -> migrator(db, new SplitNames("v1")).migrate());

        assertThat(clash.getMessage()).contains("V2__also_two.sql").contains(SplitNames.class.getName());
    }
}
