package dev.flowbase.migrate;

import static dev.flowbase.migrate.Fixtures.count;
import static dev.flowbase.migrate.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.flowbase.db.Database;
import dev.flowbase.engine.Engine;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.JavaProcess;
import dev.flowbase.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration runner killed with SIGKILL at random points, then run again: every statement ends
 * up applied exactly once (no duplicate, no loss), and what was reported applied stays applied.
 */
class KillResumeTest {
    private static final int TRIALS = 3;
    private static final int ROWS = 1500;
    private static final int SCRIPTS = 30;

    @TempDir
    Path dir;

    /** One script of many INSERTs that runs statement by statement: MariaDB, or no-transaction on PostgreSQL. */
    @EngineTest
    void aStepwiseScriptKilledAnywhereResumesWithoutDuplicatesOrLosses(TestDatabase test) throws Exception {
        assumeThat(test.engine()).isNotEqualTo(Engine.SQLITE); // SQLite runs a script whole: the other test
        StringBuilder sql = new StringBuilder();
        if (test.engine() == Engine.POSTGRESQL) {
            sql.append(Script.NO_TRANSACTION).append('\n');
        }
        sql.append("CREATE TABLE r (n INTEGER NOT NULL);\n");
        for (int i = 1; i <= ROWS; i++) {
            sql.append("INSERT INTO r (n) VALUES (").append(i).append(");\n");
        }
        write(dir.resolve("V1__rows.sql"), sql.toString());
        Random random = new Random(20261130L);
        Database db = test.open();
        for (int trial = 0; trial < TRIALS; trial++) {
            Process child = migrate(test);
            long killAt = 1 + random.nextInt(ROWS - 1);
            // Waits on the event itself: the rows the child has committed so far.
            while (child.isAlive() && rows(db) < killAt) {
                Thread.onSpinWait();
            }
            kill(child);
            assertNoDuplicates(db);
        }
        Fixtures.migrator(db, dir).migrate();

        assertThat(count(db, "SELECT count(*) FROM r")).isEqualTo(ROWS);
        assertThat(count(db, "SELECT count(DISTINCT n) FROM r")).isEqualTo(ROWS);
        assertThat(Fixtures.migrator(db, dir).validate().ok()).isTrue();
    }

    /** Many small scripts: each one that was reported applied is still applied after the kill. */
    @EngineTest
    void scriptsReportedAppliedStayAppliedWhenTheRunIsKilled(TestDatabase test) throws Exception {
        write(dir.resolve("V1__table.sql"), "CREATE TABLE s (n INTEGER NOT NULL);\n");
        for (int i = 2; i <= SCRIPTS; i++) {
            write(dir.resolve("V" + i + "__row.sql"), "INSERT INTO s (n) VALUES (" + i + ");\n");
        }
        Random random = new Random(7L);
        Database db = test.open();
        for (int trial = 0; trial < TRIALS; trial++) {
            Process child = migrate(test);
            int killAfter = 1 + random.nextInt(SCRIPTS / TRIALS);
            List<String> reported = readReported(child, killAfter);
            kill(child);

            Migrator m = Fixtures.migrator(db, dir);
            List<String> applied = m.status().entries().stream()
                    .filter(e -> e.state().equals("success"))
                    .map(StatusEntry::script)
                    .toList();
            assertThat(applied).containsAll(reported);
        }
        Fixtures.migrator(db, dir).migrate();

        assertThat(count(db, "SELECT count(*) FROM s")).isEqualTo(SCRIPTS - 1);
        assertThat(count(db, "SELECT count(DISTINCT n) FROM s")).isEqualTo(SCRIPTS - 1);
    }

    private Process migrate(TestDatabase test) throws IOException {
        return JavaProcess.of(MigrateProcess.class, "migrate", test.url(), dir.toString())
                .redirectErrorStream(true)
                .start();
    }

    /** The scripts the child said it applied, read until it has said {@code n} of them (or ended). */
    private static List<String> readReported(Process child, int n) throws IOException {
        var lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        List<String> reported = new ArrayList<>();
        String line;
        while (reported.size() < n && (line = lines.readLine()) != null) {
            if (line.startsWith(MigrateProcess.SCRIPT)) {
                reported.add(line.substring(MigrateProcess.SCRIPT.length()));
            }
        }
        return reported;
    }

    private static void kill(Process child) throws InterruptedException {
        child.destroyForcibly(); // SIGKILL: no shutdown hook, nothing finished politely
        assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
    }

    private static long rows(Database db) throws SQLException {
        try {
            return count(db, "SELECT count(*) FROM r");
        } catch (SQLException | RuntimeException noTableYet) {
            return 0;
        }
    }

    private static void assertNoDuplicates(Database db) throws SQLException {
        long rows = rows(db);
        if (rows > 0) {
            assertThat(count(db, "SELECT count(DISTINCT n) FROM r")).isEqualTo(rows);
        }
    }
}
