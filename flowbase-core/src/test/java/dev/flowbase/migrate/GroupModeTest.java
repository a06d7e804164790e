package dev.flowbase.migrate;

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
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.io.TempDir;

/** migrate up --group: every pending migration in one transaction, all or none. */
class GroupModeTest {
    @TempDir
    Path dir;

    private void tenFiles(int failing) {
        for (int i = 1; i <= 10; i++) {
            write(
                    dir.resolve("V" + i + "__t" + i + ".sql"),
                    i == failing
                            ? "CREATE TABLE t" + i + " (id INTEGER);\nSELECT * FROM no_such_table;\n"
                            : "CREATE TABLE t" + i + " (id INTEGER);\n");
        }
    }

    @EngineTest
    void tenFilesAreAppliedTogether(Database db) throws Exception {
        assumeTrue(db.dialect().capabilities().transactionalDdl(), "group mode needs transactional DDL");
        tenFiles(0);
        Migrator m = migrator(db, dir);

        MigrateResult result = m.migrate(MigrateRequest.all().with(Grouping.ONE_TRANSACTION));

        assertThat(result.executed()).hasSize(10);
        assertThat(tables(db)).contains("t1", "t10");
        assertThat(m.status().entries()).extracting(StatusEntry::state).containsOnly("success");
    }

    @EngineTest
    void aFailureInTheFifthOfTenFilesLeavesNoneApplied(Database db) throws Exception {
        assumeTrue(db.dialect().capabilities().transactionalDdl(), "group mode needs transactional DDL");
        tenFiles(5);
        Migrator m = migrator(db, dir);

        var e = catchThrowableOfType(
                FlowbaseException.class, () -> m.migrate(MigrateRequest.all().with(Grouping.ONE_TRANSACTION)));

        assertThat(e.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
        assertThat(e.getMessage()).contains("V5__t5.sql").contains("none of its 10 scripts remains");
        assertThat(tables(db)).doesNotContain("t1", "t4", "t5", "t6");
        assertThat(m.status().entries())
                .filteredOn(s -> !s.state().equals("pending"))
                .extracting(StatusEntry::version, StatusEntry::state)
                .containsExactly(Tuple.tuple("5", "failed"));

        write(dir.resolve("V5__t5.sql"), "CREATE TABLE t5 (id INTEGER);\n");
        assertThat(m.migrate(MigrateRequest.all().with(Grouping.ONE_TRANSACTION))
                        .executed())
                .hasSize(10);
    }

    @EngineTest
    void whereDdlCommitsByItselfGroupModeIsRefusedWithTheReason(Database db) throws Exception {
        assumeFalse(db.dialect().capabilities().transactionalDdl(), "engines without transactional DDL");
        tenFiles(0);

        var e = catchThrowableOfType(
                FlowbaseException.class,
                () -> migrator(db, dir).migrate(MigrateRequest.all().with(Grouping.ONE_TRANSACTION)));

        assertThat(e.code()).isEqualTo(ErrorCode.REFUSED);
        assertThat(e.getMessage()).contains("commits by itself").contains("without --group");
        assertThat(tables(db)).doesNotContain("t1");
    }
}
