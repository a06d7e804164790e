package dev.flowbase.migrate;

import static dev.flowbase.migrate.Fixtures.copy;
import static dev.flowbase.migrate.Fixtures.migrator;
import static dev.flowbase.migrate.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.testing.EngineTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Files that cannot be migrations are named, with the reason, before any statement runs. */
class BadFilesTest {
    @TempDir
    Path dir;

    @EngineTest
    void aNulByteIsNamedWithFileAndByteOffsetAndNothingRuns(Database db) throws Exception {
        copy("basic", dir);
        Files.write(dir.resolve("V3__nul.sql"), "SELECT 1;\nSELECT '\0';\n".getBytes());

        var e = catchThrowableOfType(
                FlowbaseException.class, () -> migrator(db, dir).migrate());

        assertThat(e.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
        assertThat(e.getMessage()).contains("V3__nul.sql").contains("NUL byte at byte offset 18");
        assertThat(Fixtures.tables(db)).doesNotContain("items");
    }

    @EngineTest
    void invalidUtf8IsNamedWithFileAndByteOffset(Database db) throws Exception {
        copy("basic", dir);
        Files.write(dir.resolve("V3__latin1.sql"), new byte[] {'-', '-', ' ', 'c', 'a', 'f', (byte) 0xE9, '\n'});

        var e = catchThrowableOfType(
                FlowbaseException.class, () -> migrator(db, dir).migrate());

        assertThat(e.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
        assertThat(e.getMessage()).contains("V3__latin1.sql").contains("not valid UTF-8 at byte offset 6");
    }

    @EngineTest
    void anUpperCaseExtensionIsRefusedAsMisnamedNotSkipped(Database db) {
        copy("basic", dir);
        write(dir.resolve("V5__x.SQL"), "SELECT 1;");

        var e = catchThrowableOfType(
                FlowbaseException.class, () -> migrator(db, dir).migrate());

        assertThat(e.getMessage()).contains("V5__x.SQL").contains("misnamed");
    }

    @EngineTest
    void anUndoFileWithoutItsVersionedFileIsAValidationProblem(Database db) {
        copy("basic", dir);
        write(dir.resolve("U7__orphan.sql"), "SELECT 1;");
        Migrator m = migrator(db, dir);
        m.migrate();

        assertThat(m.validate().problems())
                .singleElement()
                .satisfies(p -> assertThat(p).contains("U7__orphan.sql").contains("has no versioned file V7"));
    }

    @EngineTest
    void aRenamedAppliedFileShowsInStatusAndValidateAndRepairRecordsTheName(Database db) throws Exception {
        copy("basic", dir);
        Migrator m = migrator(db, dir);
        m.migrate();
        Path applied;
        try (var files = Files.list(dir)) {
            applied = files.filter(f -> f.getFileName().toString().startsWith("V2__"))
                    .findFirst()
                    .orElseThrow();
        }
        Files.move(applied, dir.resolve("V2__renamed.sql"));

        assertThat(m.status().entries())
                .filteredOn(en -> "2".equals(en.version()))
                .extracting(StatusEntry::state)
                .containsExactly("renamed");
        assertThat(m.validate().problems())
                .anyMatch(p -> p.contains("V2__renamed.sql (") && p.contains("was applied as V2__create_tags.sql"));

        m.repair();

        assertThat(m.validate().ok()).isTrue();
        assertThat(m.status().entries()).extracting(StatusEntry::state).containsOnly("success");
    }

    @EngineTest
    void aUserSetCannotUseFlowbasesOwnHistoryTable(Database db) {
        var e = catchThrowableOfType(
                FlowbaseException.class,
                () -> Migrator.configure()
                        .database(db)
                        .location(MigrationLocation.directory(copy("basic", dir)))
                        .table(Migrator.DEFAULT_TABLE)
                        .load());

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("holds Flowbase's own history");
    }

    @EngineTest
    void aHistoryTableOfAnotherSetIsRefusedAndLeftAlone(Database db, @TempDir Path other) throws Exception {
        Migrator.configure().database(db).table("shared_history").load().migrate(); // Flowbase's own set
        write(other.resolve("V1__mine.sql"), "CREATE TABLE mine (id INTEGER);");
        Migrator users = Migrator.configure()
                .database(db)
                .location(MigrationLocation.directory(other))
                .table("shared_history")
                .load();

        var repair = catchThrowableOfType(FlowbaseException.class, users::repair);
        var up = catchThrowableOfType(FlowbaseException.class, users::migrate);

        assertThat(repair.code()).isEqualTo(ErrorCode.REFUSED);
        assertThat(repair.getMessage()).contains("holds another migration set's history");
        assertThat(up.code()).isEqualTo(ErrorCode.REFUSED);
        assertThat(Migrator.configure()
                        .database(db)
                        .table("shared_history")
                        .load()
                        .validate()
                        .ok())
                .isTrue();
    }
}
