package dev.flowbase.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.engine.Engine;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What a pool would do for a long-running one-shot command ({@code status --watch}). */
class OneShotConnectionsTest {

    @EngineTest
    void aKeptConnectionTheServerDroppedIsReplacedBeforeItIsLentAgain(TestDatabase test) throws SQLException {
        assumeFalse(test.engine().isEmbedded(), "an embedded database has no server to drop a session");
        DatabaseConfig config = test.config();
        Dialect dialect = Dialects.forEngine(config.engine());
        long[] now = {0};
        Database admin = test.open();
        try (OneShotConnections connections = new OneShotConnections(
                FirstConnection.open(config, dialect), () -> FirstConnection.open(config, dialect), 10, () -> now[0])) {
            long session;
            try (Connection c = connections.getConnection()) {
                session = session(c, test.engine());
            }
            // Ended by the server while it is kept, as a restart or an idle timeout would.
            admin.execute(
                    "Ending the kept session",
                    test.engine() == Engine.POSTGRESQL
                            ? "SELECT pg_terminate_backend(" + session + ", 5000)"
                            : "KILL " + session);
            now[0] += 2_000_000_000L; // kept long enough to be asked whether it still works

            try (Connection c = connections.getConnection()) {
                assertThat(session(c, test.engine())).isNotEqualTo(session);
            }
        }
    }

    private static long session(Connection c, Engine engine) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        engine == Engine.POSTGRESQL ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
