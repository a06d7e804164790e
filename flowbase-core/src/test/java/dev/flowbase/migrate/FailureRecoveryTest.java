package dev.flowbase.migrate;

import static dev.flowbase.migrate.Fixtures.count;
import static dev.flowbase.migrate.Fixtures.migrator;
import static dev.flowbase.migrate.Fixtures.tables;
import static dev.flowbase.migrate.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.testing.EngineTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** A migration that fails half-way: rolled back whole where DDL is transactional, resumable on MariaDB. */
class FailureRecoveryTest {
    private static final String BROKEN = "CREATE TABLE half (id INTEGER);\n"
            + "-- the next statement names a table that does not exist\n"
            + "INSERT INTO no_such_table (id) VALUES (1);\n"
            + "CREATE TABLE after_fix (id INTEGER);\n";
    private static final String FIXED = BROKEN.replace("no_such_table", "half");

    @TempDir
    Path dir;

    private Migrator brokenSet(Database db) {
        write(dir.resolve("V1__ok.sql"), "CREATE TABLE ok_table (id INTEGER);\n");
        write(dir.resolve("V2__half.sql"), BROKEN);
        return migrator(db, dir);
    }

    @EngineTest
    void theFailureNamesFileStatementLineAndTheEnginesError(Database db) {
        Migrator m = brokenSet(db);

        FlowbaseException e = catchThrowableOfType(FlowbaseException.class, m::migrate);

        assertThat(e.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
        assertThat(e.getMessage())
                .contains("V2__half.sql statement 2 of 3 (line 3)")
                .contains("no_such_table")
                .contains("[" + db.engine().id());
        assertThat(e.getMessage().lines()).hasSize(1);
    }

    @EngineTest
    void withTransactionalDdlTheFailedMigrationLeavesNoTraceAndRunsWholeOnceFixed(Database db) throws Exception {
        assumeTrue(db.dialect().capabilities().transactionalDdl(), "this engine commits DDL statement by statement");
        Migrator m = brokenSet(db);
        catchThrowableOfType(FlowbaseException.class, m::migrate);

        assertThat(tables(db)).contains("ok_table").doesNotContain("half");
        StatusEntry v2 = m.status().entries().get(1);
        assertThat(v2.state()).isEqualTo("failed");
        assertThat(v2.statementsApplied()).isZero();
        assertThat(m.validate().problems()).singleElement().asString().contains("V2__half.sql failed");

        write(dir.resolve("V2__half.sql"), FIXED);
        MigrateResult fixed = m.migrate();

        assertThat(fixed.executed())
                .singleElement()
                .extracting(ExecutedScript::resumedAt)
                .isEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM half")).isEqualTo(1);
        assertThat(tables(db)).contains("after_fix");
        assertThat(m.validate().ok()).isTrue();
    }

    @EngineTest
    void withoutTransactionalDdlAFixedMigrationResumesAtTheFailedStatement(Database db) throws Exception {
        assumeFalse(db.dialect().capabilities().transactionalDdl(), "this engine rolls a failed migration back whole");
        Migrator m = brokenSet(db);
        FlowbaseException e = catchThrowableOfType(FlowbaseException.class, m::migrate);

        assertThat(e.getMessage())
                .contains("statement 1 was applied")
                .doesNotContain("statements 1-1")
                .contains("resume");
        assertThat(tables(db)).contains("ok_table", "half").doesNotContain("after_fix");
        StatusEntry v2 = m.status().entries().get(1);
        assertThat(v2.state()).isEqualTo("failed");
        assertThat(v2.statementsApplied()).isEqualTo(1);

        write(dir.resolve("V2__half.sql"), FIXED);
        MigrateResult fixed = m.migrate();

        // Statement 1 (CREATE TABLE half) would fail if it ran again: resuming skipped it.
        assertThat(fixed.executed())
                .singleElement()
                .extracting(ExecutedScript::resumedAt)
                .isEqualTo(2);
        assertThat(count(db, "SELECT count(*) FROM half")).isEqualTo(1);
        assertThat(tables(db)).contains("after_fix");
        assertThat(m.status().entries()).extracting(StatusEntry::state).containsOnly("success");
    }

    @EngineTest
    void aResumeIsRefusedWhenAnAlreadyAppliedStatementWasEdited(Database db) throws Exception {
        assumeFalse(db.dialect().capabilities().transactionalDdl(), "only statement-by-statement runs resume");
        Migrator m = brokenSet(db);
        catchThrowableOfType(FlowbaseException.class, m::migrate);
        write(dir.resolve("V2__half.sql"), FIXED.replace("half (id INTEGER)", "half (id BIGINT)"));

        FlowbaseException e = catchThrowableOfType(FlowbaseException.class, m::migrate);

        assertThat(e.getMessage())
                .contains("V2__half.sql")
                .contains("have changed")
                .contains("repair");
        RepairResult repair = m.repair();
        assertThat(repair.changes()).singleElement().asString().contains("V2__half.sql");
        assertThat(m.status().entries().get(1).state()).isEqualTo("pending");
    }
}
