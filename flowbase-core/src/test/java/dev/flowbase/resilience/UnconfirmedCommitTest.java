package dev.flowbase.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.db.Database;
import dev.flowbase.db.DatabaseException;
import dev.flowbase.db.SqlErrorKind;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.testing.LocalCluster;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A commit that waits for a synchronous standby, and whose wait is cancelled, has committed on the
 * primary only: PostgreSQL reports it as a warning, and Flowbase reports it as not acknowledged.
 */
class UnconfirmedCommitTest {
    private static final int PORT = 17310;

    @Test
    void aCommitWhoseSynchronousReplicationWaitWasCancelledIsNotAcknowledged() throws Exception {
        Assumptions.assumeTrue(LocalCluster.available(), "needs PostgreSQL 15's programs and root or postgres");
        // A synchronous standby that never connects: every commit waits for it until cancelled.
        try (LocalCluster cluster =
                        LocalCluster.start(PORT, Map.of("synchronous_standby_names", "flowbase_absent_standby"));
                Database db = Database.open(DatabaseConfig.fromUrl(cluster.url("postgres")));
                Connection watcher = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + PORT + "/postgres?user=postgres")) {
            try (Statement s = watcher.createStatement()) {
                // The watcher's own commits need no standby: only the insert below is held.
                s.execute("SET synchronous_commit = local");
                s.execute("CREATE TABLE acknowledged (id int)");
            }
            CompletableFuture<Void> insert = CompletableFuture.runAsync(
                    () -> db.inTransaction("Inserting row 1", h -> h.execute("INSERT INTO acknowledged VALUES (1)")));

            cancel(watcher, awaitSyncRepWait(watcher));

            Throwable failure = catchCause(insert);
            assertThat(failure).isInstanceOfSatisfying(DatabaseException.class, e -> {
                assertThat(e.kind()).isEqualTo(SqlErrorKind.COMMIT_UNCONFIRMED);
                assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
                assertThat(e.getMessage()).startsWith("Inserting row 1 is not acknowledged");
            });
            // Committed locally all the same: what a failover to the standby would lose.
            try (Statement s = watcher.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM acknowledged")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    /** The backend waiting for the standby, found in pg_stat_activity: the event, not a pause. */
    private static int awaitSyncRepWait(Connection watcher) throws SQLException, InterruptedException {
        for (int attempt = 0; attempt < 300; attempt++) {
            try (Statement s = watcher.createStatement();
                    ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE wait_event = 'SyncRep'")) {
                if (rs.next()) {
                    return rs.getInt(1);
                }
            }
            TimeUnit.MILLISECONDS.sleep(100); // pg_stat_activity has no way to wait for a row
        }
        throw new AssertionError("no commit waited for the synchronous standby within 30 s");
    }

    private static void cancel(Connection watcher, int pid) throws SQLException {
        try (Statement s = watcher.createStatement()) {
            s.execute("SELECT pg_cancel_backend(" + pid + ")");
        }
    }

    private static Throwable catchCause(CompletableFuture<Void> work) throws InterruptedException {
        try {
            work.get(60, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("the commit did not end within 60 s of its cancel", e);
        }
    }
}
