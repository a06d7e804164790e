package dev.flowbase.migrate;

import static dev.flowbase.migrate.Fixtures.count;
import static dev.flowbase.migrate.Fixtures.migrator;
import static dev.flowbase.migrate.Fixtures.versions;
import static dev.flowbase.migrate.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.testing.EngineTest;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database that Flyway 13 itself migrated, taken over by {@code migrate adopt-flyway}. */
class AdoptFlywayTest {
    @TempDir
    Path dir;

    private void flywaysFiles() {
        write(dir.resolve("V1__accounts.sql"), "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name VARCHAR(50));\n");
        // CRLF line ends and a byte order mark: Flyway's checksum ignores both, and so must ours.
        write(dir.resolve("V2__seed_accounts.sql"), "\uFEFFINSERT INTO accounts (id, name)\r\nVALUES (1, 'ada');\r\n");
        write(
                dir.resolve("R__account_names.sql"),
                "DROP VIEW IF EXISTS account_names;\nCREATE VIEW account_names AS SELECT name FROM accounts;\n");
    }

    private static void flywayMigrates(Database db, Path dir) {
        Flyway.configure()
                .dataSource(db.dataSource())
                .locations("filesystem:" + dir)
                .load()
                .migrate();
    }

    @EngineTest
    void aFlywayDatabaseIsTakenOverAndThenMigratesAndRollsBackAsIfFlowbaseHadAppliedIt(Database db) throws Exception {
        flywaysFiles();
        flywayMigrates(db, dir);
        long flywayRows = count(db, "SELECT COUNT(*) FROM flyway_schema_history");

        AdoptResult adopted = migrator(db, dir).adoptFlyway(null);

        assertThat(adopted.adopted())
                .extracting(AdoptResult.Adopted::script)
                .containsExactly("V1__accounts.sql", "V2__seed_accounts.sql", "R__account_names.sql");
        assertThat(migrator(db, dir).validate().ok()).isTrue();
        assertThat(migrator(db, dir).status().entries())
                .extracting(StatusEntry::state)
                .containsOnly("success");
        assertThat(count(db, "SELECT COUNT(*) FROM flyway_schema_history")).isEqualTo(flywayRows);

        write(dir.resolve("V3__notes.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY);\n");
        write(dir.resolve("U3__notes.sql"), "DROP TABLE notes;\n");
        write(dir.resolve("V4__note_one.sql"), "INSERT INTO notes (id) VALUES (1);\n");
        write(dir.resolve("U4__note_one.sql"), "DELETE FROM notes;\n");
        MigrateResult up = migrator(db, dir).migrate();
        RollbackResult back = migrator(db, dir).rollbackSteps(2, Run.APPLY);

        assertThat(versions(up.executed())).containsExactly("3", "4");
        assertThat(back.undone()).hasSize(2);
        assertThat(count(db, "SELECT COUNT(*) FROM accounts")).isEqualTo(1);
    }

    @EngineTest
    void anEditedFileIsNamedAndNothingIsWritten(Database db) throws Exception {
        flywaysFiles();
        flywayMigrates(db, dir);
        write(dir.resolve("V2__seed_accounts.sql"), "INSERT INTO accounts (id, name) VALUES (1, 'grace');\n");

        var refused = catchThrowableOfType(
                FlowbaseException.class, () -> migrator(db, dir).adoptFlyway(null));

        assertThat(refused.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(refused.getMessage())
                .contains("V2__seed_accounts.sql differs from the file Flyway applied")
                .doesNotContain("V1__accounts.sql");
        assertThat(count(db, "SELECT COUNT(*) FROM test_history")).isZero();
    }

    @EngineTest
    void aDatabaseWithoutFlywayHistorySaysWhichTableItLookedFor(Database db) {
        flywaysFiles();

        var missing = catchThrowableOfType(
                FlowbaseException.class, () -> migrator(db, dir).adoptFlyway(null));

        assertThat(missing.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(missing.getMessage()).startsWith("Cannot read Flyway's history table flyway_schema_history");
    }

    @Test
    void theChecksumIsFlywaysCrc32OverTheLines() {
        // The engine tests above compare with what Flyway 13 recorded; this pins the line rules.
        assertThat(FlywayChecksum.of("SELECT 1;\n")).isEqualTo(FlywayChecksum.of("\uFEFFSELECT 1;\r\n"));
        assertThat(FlywayChecksum.of("a\nb")).isEqualTo(FlywayChecksum.of("a\r\nb\r\n"));
    }
}
