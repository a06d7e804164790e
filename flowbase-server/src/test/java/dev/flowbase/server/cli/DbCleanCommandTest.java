package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.store.LogEntry;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.SettableClock;
import dev.flowbase.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowbase db clean}: a dry run counts, a run deletes only old rows, refusals exit non-zero. */
class DbCleanCommandTest {
    @TempDir
    Path dir;

    private static long logs(TestDatabase db) throws SQLException {
        try (Database database = db.open();
                Connection c = database.connection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM logs WHERE component = 'old-or-new'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @EngineTest
    void anArchivedCleanWritesAVerifiedArchiveOfWhatItDeletes(TestDatabase db) throws SQLException {
        assertThat(CliRun.of("init", "--url", db.url()).status()).isZero();
        try (Database database = db.open()) {
            SettableClock clock = new SettableClock(Instant.now().minus(Duration.ofDays(45)));
            Stores stores = Stores.create(database).withClock(clock);
            for (int i = 0; i < 3; i++) {
                stores.logs().append(LogEntry.New.of(LogEntry.Level.INFO, "old-or-new", "old " + i));
            }
            clock.advance(Duration.ofDays(45));
            stores.logs().append(LogEntry.New.of(LogEntry.Level.INFO, "old-or-new", "new"));
        }
        Path file = dir.resolve("old-logs.fbk");

        CliRun run = CliRun.of(
                "db", "clean", "--older-than", "30d", "--table", "logs", "--archive=" + file, "--url", db.url());
        CliRun again = CliRun.of(
                "db", "clean", "--older-than", "30d", "--table", "logs", "--archive=" + file, "--url", db.url());
        CliRun verify = CliRun.of("backup", "verify", file.toString(), "--json");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("Archived 3 row(s) to " + file).contains("deleted 3 row(s)");
        assertThat(logs(db)).isEqualTo(1);
        assertThat(verify.status()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("\"logs\"");
        assertThat(again.status()).isEqualTo(ErrorCode.INVALID_ARGUMENT.exitCode());
        assertThat(again.err()).contains("exists");
    }

    @EngineTest
    void aDryRunCountsARunDeletesTheOldRowsAndBadRequestsAreRefused(TestDatabase db) throws SQLException {
        assertThat(CliRun.of("init", "--url", db.url()).status()).isZero();
        try (Database database = db.open()) {
            SettableClock clock = new SettableClock(Instant.now().minus(Duration.ofDays(45)));
            Stores stores = Stores.create(database).withClock(clock);
            for (int i = 0; i < 3; i++) {
                stores.logs().append(LogEntry.New.of(LogEntry.Level.INFO, "old-or-new", "old " + i));
            }
            clock.advance(Duration.ofDays(45));
            stores.logs().append(LogEntry.New.of(LogEntry.Level.INFO, "old-or-new", "new"));
        }

        CliRun dry = CliRun.of(
                "db", "clean", "--older-than", "30d", "--table", "logs", "--dry-run", "--json", "--url", db.url());
        long afterDry = logs(db);
        CliRun run = CliRun.of("db", "clean", "--older-than", "30d", "--url", db.url());
        CliRun byPolicy = CliRun.of(Map.of("FLOWBASE_RETENTION", "logs=1h"), "db", "clean", "--url", db.url());
        CliRun badTable = CliRun.of("db", "clean", "--older-than", "30d", "--table", "jobs", "--url", db.url());
        CliRun nothing = CliRun.of("db", "clean", "--url", db.url());
        CliRun badPolicy = CliRun.of(Map.of("FLOWBASE_RETENTION", "logs=soon"), "db", "clean", "--url", db.url());

        assertThat(dry.status()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("\"dryRun\" : true").contains("\"rows\" : 3");
        assertThat(afterDry).isEqualTo(4);
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("logs").contains("Deleted 3 row(s).");
        assertThat(byPolicy.out()).contains("Deleted 0 row(s).");
        assertThat(logs(db)).isEqualTo(1);
        assertThat(badTable.status()).isEqualTo(ErrorCode.INVALID_ARGUMENT.exitCode());
        assertThat(badTable.err()).contains("--table=jobs");
        assertThat(nothing.status()).isEqualTo(ErrorCode.INVALID_ARGUMENT.exitCode());
        assertThat(nothing.err()).contains("give --older-than AGE");
        assertThat(badPolicy.err()).contains("retention.policy='logs=soon'");
    }
}
