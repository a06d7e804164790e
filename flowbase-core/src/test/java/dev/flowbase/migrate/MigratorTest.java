package dev.flowbase.migrate;

import static dev.flowbase.migrate.Fixtures.copy;
import static dev.flowbase.migrate.Fixtures.migrator;
import static dev.flowbase.migrate.Fixtures.tables;
import static dev.flowbase.migrate.Fixtures.versions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.testing.EngineTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.io.TempDir;

/** Migrate, target, rollback and baseline on every engine, with the set in migrations/basic. */
class MigratorTest {
    @TempDir
    Path dir;

    @EngineTest
    void aFreshDatabaseGetsEveryVersionInNumericOrderAndASecondRunDoesNothing(Database db) throws Exception {
        Migrator m = migrator(db, copy("basic", dir));

        MigrateResult first = m.migrate();
        MigrateResult second = m.migrate();

        assertThat(versions(first.executed())).containsExactly("1", "1.9", "1.10", "2");
        assertThat(tables(db)).contains("items", "labels", "notes", "tags", "test_history");
        assertThat(second.upToDate()).isTrue();
        assertThat(second.alreadyApplied()).isEqualTo(4);
        assertThat(m.status().entries()).extracting(StatusEntry::state).containsOnly("success");
        assertThat(m.validate().ok()).isTrue();
    }

    @EngineTest
    void aTargetStopsAtThatVersion(Database db) {
        Migrator m = migrator(db, copy("basic", dir));

        assertThat(versions(m.migrate(MigrateRequest.upTo(Version.parse("1.9"))).executed()))
                .containsExactly("1", "1.9");
        assertThat(versions(m.migrate().executed())).containsExactly("1.10", "2");
    }

    @EngineTest
    void rollbackByStepsAndToZeroRunsTheUndoFilesNewestFirst(Database db) throws Exception {
        Migrator m = migrator(db, copy("basic", dir));
        m.migrate();

        RollbackResult two = m.rollbackSteps(2, Run.APPLY);

        assertThat(versions(two.undone())).containsExactly("2", "1.10");
        assertThat(tables(db)).contains("items", "labels").doesNotContain("notes", "tags");
        assertThat(m.status().entries())
                .extracting(StatusEntry::version, StatusEntry::state)
                .contains(Tuple.tuple("2", "undone"));

        assertThat(versions(m.rollbackTo(Version.ZERO, Run.APPLY).undone())).containsExactly("1.9", "1");
        assertThat(tables(db)).containsExactly("test_history");

        assertThat(versions(m.migrate().executed())).containsExactly("1", "1.9", "1.10", "2");
    }

    @EngineTest
    void rollbackToAVersionKeepsThatVersion(Database db) throws Exception {
        Migrator m = migrator(db, copy("basic", dir));
        m.migrate();

        assertThat(versions(m.rollbackTo(Version.parse("1.9"), Run.APPLY).undone()))
                .containsExactly("2", "1.10");
        assertThat(tables(db)).contains("items", "labels").doesNotContain("notes", "tags");
    }

    @EngineTest
    void aMissingUndoFileRefusesTheRollbackBeforeAnythingRuns(Database db) throws Exception {
        Migrator m = migrator(db, copy("basic", dir));
        m.migrate();
        Files.delete(dir.resolve("U1.9__create_labels.sql"));

        FlowbaseException e =
                catchThrowableOfType(FlowbaseException.class, () -> m.rollbackTo(Version.ZERO, Run.APPLY));

        assertThat(e.code()).isEqualTo(ErrorCode.REFUSED);
        assertThat(e.getMessage()).contains("U1.9__create_labels.sql").contains("Nothing was rolled back");
        assertThat(tables(db)).contains("items", "labels", "notes", "tags");
    }

    @EngineTest
    void aBaselineSkipsTheVersionsUpToIt(Database db) throws Exception {
        Migrator m = migrator(db, copy("basic", dir));

        m.baseline(Version.parse("1.9"));

        assertThat(versions(m.migrate().executed())).containsExactly("1.10", "2");
        assertThat(tables(db)).doesNotContain("items", "labels");
        assertThat(m.status().entries()).extracting(StatusEntry::state).startsWith("below baseline", "baseline");
        FlowbaseException again = catchThrowableOfType(FlowbaseException.class, () -> m.baseline(Version.parse("3")));
        assertThat(again.code()).isEqualTo(ErrorCode.REFUSED);
    }

    @EngineTest
    void aRepeatableScriptRunsAfterTheVersionsAndAgainOnlyWhenItChanges(Database db) throws Exception {
        Migrator m = migrator(db, copy("repeatable", dir));

        assertThat(m.migrate().executed())
                .extracting(ExecutedScript::type)
                .containsExactly(MigrationType.VERSIONED, MigrationType.REPEATABLE);
        assertThat(m.migrate().upToDate()).isTrue();

        Fixtures.write(
                dir.resolve("R__people_names.sql"),
                "DROP VIEW IF EXISTS people_names;\nCREATE VIEW people_names AS SELECT id, name FROM people;\n");
        assertThat(m.status().entries()).extracting(StatusEntry::state).contains("outdated");
        assertThat(m.migrate().executed()).extracting(ExecutedScript::script).containsExactly("R__people_names.sql");
    }
}
