package dev.flowbase.migrate;

import static dev.flowbase.migrate.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.db.Database;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestSql;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/**
 * A row left RUNNING says which statement was in flight when a runner died. The next run decides
 * from the catalog where it can and otherwise stops, saying so; it never runs the statement blindly.
 */
class InDoubtTest {
    /** Statement by statement on every engine, as MariaDB runs every script. */
    private static final String STEPWISE = Script.NO_TRANSACTION + "\n";

    @TempDir
    Path dir;

    @EngineTest
    void aCreateTableInDoubtIsDecidedByTheCatalog(Database db) throws Exception {
        write(dir.resolve("V1__two.sql"), STEPWISE + "CREATE TABLE a (id INTEGER);\nCREATE TABLE b (id INTEGER);\n");
        Migrator m = Fixtures.migrator(db, dir);
        leaveRunning(db, m, 1); // the runner died during statement 2, after it had created b
        TestSql.exec(db, "CREATE TABLE a (id INTEGER)");
        TestSql.exec(db, "CREATE TABLE b (id INTEGER)");

        m.migrate();

        assertThat(m.status().entries()).extracting(StatusEntry::state).containsExactly("success");
    }

    @EngineTest
    void aStatementTheCatalogCannotJudgeStopsTheRunAndSaysSo(Database db) throws Exception {
        write(
                dir.resolve("V1__alter.sql"),
                STEPWISE + "CREATE TABLE a (id INTEGER);\nALTER TABLE a ADD COLUMN x INTEGER;\n");
        Migrator m = Fixtures.migrator(db, dir);
        TestSql.exec(db, "CREATE TABLE a (id INTEGER)");
        leaveRunning(db, m, 1);

        var e = catchThrowableOfType(FlowbaseException.class, m::migrate);

        assertThat(e.getMessage())
                .contains("V1__alter.sql statement 2 of 2 (line 3)")
                .contains("may or may not have been applied");
        assertThat(Fixtures.catalog(db)).noneMatch(l -> l.toLowerCase().startsWith("a.x "));
    }

    @EngineTest
    void aStatementThatWritesNothingIsRunAgainAndTheRunGoesOn(Database db) throws Exception {
        String sleep = switch (db.engine()) {
            case POSTGRESQL -> "SELECT pg_sleep(0)";
            case MARIADB -> "SELECT SLEEP(0)";
            case SQLITE -> "SELECT 1";
        };
        write(
                dir.resolve("V1__wait.sql"),
                STEPWISE + "CREATE TABLE a (id INTEGER);\n" + sleep + ";\nSELECT count(*) FROM a;\n"
                        + "INSERT INTO a VALUES (1);\n");
        Migrator m = Fixtures.migrator(db, dir);
        TestSql.exec(db, "CREATE TABLE a (id INTEGER)");
        leaveRunning(db, m, 1); // killed during the sleep

        m.migrate();

        assertThat(m.status().entries()).extracting(StatusEntry::state).containsExactly("success");
        assertThat(Fixtures.count(db, "SELECT count(*) FROM a")).isEqualTo(1);
    }

    @EngineTest
    void aSelectThatCallsAFunctionOfItsOwnStaysInDoubt(Database db) throws Exception {
        write(dir.resolve("V1__call.sql"), STEPWISE + "CREATE TABLE a (id INTEGER);\nSELECT make_partitions(12);\n");
        Migrator m = Fixtures.migrator(db, dir);
        TestSql.exec(db, "CREATE TABLE a (id INTEGER)");
        leaveRunning(db, m, 1);

        var e = catchThrowableOfType(FlowbaseException.class, m::migrate);

        assertThat(e.getMessage()).contains("V1__call.sql statement 2 of 2").contains("may or may not");
    }

    /** Writes the history a runner leaves when it dies while running statement {@code applied + 1}. */
    private static void leaveRunning(Database db, Migrator m, int applied) throws Exception {
        EngineSupport engine = EngineSupport.forEngine(db.engine());
        HistoryTable table = new HistoryTable("test_history", db.dialect(), engine);
        Script script = m.scripts().versioned().firstEntry().getValue();
        PlannedScript planned = PlannedScript.of(script, db.engine());
        String chain = null;
        for (int i = 0; i < applied; i++) {
            chain = Checksum.chain(chain, planned.statements().get(i).sql());
        }
        try (Connection c = db.connection()) {
            table.create(c);
            table.insert(
                    c,
                    new HistoryRow(
                            1,
                            script.version(),
                            script.description(),
                            script.type(),
                            script.name(),
                            script.checksum(),
                            "test",
                            Instant.now(),
                            0,
                            MigrationState.RUNNING,
                            applied,
                            chain));
        }
    }

    @EngineTest
    void statusDuringALiveRunShowsItRunningWithItsHolder(Database db) throws Exception {
        write(dir.resolve("V1__two.sql"), STEPWISE + "CREATE TABLE a (id INTEGER);\nCREATE TABLE b (id INTEGER);\n");
        Migrator m = Fixtures.migrator(db, dir);
        leaveRunning(db, m, 1);
        EngineSupport engine = EngineSupport.forEngine(db.engine());
        try (Connection c = db.connection()) {
            var lock = engine.lock(c, "test_history", Duration.ofSeconds(5));
            try {
                Optional<String> holder;
                try (Connection other = db.connection()) {
                    holder = engine.lockHolder(other, "test_history");
                }
                if (holder.isPresent()) { // PostgreSQL and MariaDB can tell; SQLite cannot
                    assertThat(m.status().entries())
                            .extracting(StatusEntry::state)
                            .singleElement()
                            .satisfies(s -> assertThat(s).startsWith("running (held by"));
                    assertThat(m.validate().ok()).isTrue();
                }
            } finally {
                lock.release();
            }
        }
        assertThat(m.status().entries()).extracting(StatusEntry::state).containsExactly("interrupted");
    }
}
