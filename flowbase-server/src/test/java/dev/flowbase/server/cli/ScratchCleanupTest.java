package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.flowbase.db.Database;
import dev.flowbase.engine.Engine;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.JavaProcess;
import dev.flowbase.testing.TestDatabase;
import dev.flowbase.testing.TestSql;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** schema validate leaves no flowbase_expected_* schema or database behind, even when interrupted. */
class ScratchCleanupTest {

    @EngineTest
    void aStaleScratchSpaceIsRemovedAndAConcurrentRunsIsLeftAlone(TestDatabase test, Database db) {
        assumeFalse(test.engine().isEmbedded(), "SQLite's scratch space is in memory");
        CliRun.of("init", "--url", test.url());
        String stale = "flowbase_expected_1000000000_deadbeef";
        String fresh = "flowbase_expected_" + Instant.now().getEpochSecond() + "_cafebabe";
        create(db, stale);
        create(db, fresh);
        try {
            CliRun run = CliRun.of("schema", "validate", "--url", test.url());

            assertThat(run.status()).as(run.err()).isZero();
            assertThat(scratch(db)).doesNotContain(stale).contains(fresh);
        } finally {
            drop(db, stale);
            drop(db, fresh);
        }
    }

    @EngineTest
    void aValidateInterruptedBySigtermRemovesItsScratchSpace(TestDatabase test, Database db) throws Exception {
        assumeFalse(test.engine().isEmbedded(), "SQLite's scratch space is in memory");
        CliRun.of("init", "--url", test.url());
        List<String> before = scratch(db);
        boolean caught = false;
        for (int attempt = 0; attempt < 5 && !caught; attempt++) {
            Process child = validate(test);
            // Waits on the event: the child's scratch space appearing in the catalog.
            while (child.isAlive() && !caught) {
                caught = scratch(db).stream().anyMatch(n -> !before.contains(n));
            }
            child.destroy(); // SIGTERM, as Ctrl-C or a stopping container sends
            assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }

        assertThat(caught)
                .as("a run was interrupted while its scratch space existed")
                .isTrue();
        // Only what was there before may remain (a leftover that turned stale meanwhile may be gone too).
        assertThat(scratch(db)).allMatch(before::contains);
    }

    private static Process validate(TestDatabase test) throws IOException {
        return JavaProcess.of("dev.flowbase.server.Main", "schema", "validate", "--url", test.url())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static List<String> scratch(Database db) {
        String sql = db.engine() == Engine.POSTGRESQL
                ? "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'flowbase\\_expected\\_%'"
                : "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'flowbase\\_expected\\_%'";
        List<String> names = new ArrayList<>();
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    private static void create(Database db, String name) {
        TestSql.exec(db, (db.engine() == Engine.POSTGRESQL ? "CREATE SCHEMA " : "CREATE DATABASE ") + name);
    }

    private static void drop(Database db, String name) {
        TestSql.exec(
                db,
                db.engine() == Engine.POSTGRESQL
                        ? "DROP SCHEMA IF EXISTS " + name + " CASCADE"
                        : "DROP DATABASE IF EXISTS " + name);
    }
}
