package dev.flowbase.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowbase.engine.Engine;
import dev.flowbase.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * SQLite has no session time limit, so Flowbase cancels statements that run past the pool's; a
 * statement that sets its own limit (0 = none, as migrations do) is left to run.
 */
class ClientSideTimeLimitTest {
    private static final String COUNT_TO_FIVE_MILLION =
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000000) SELECT count(*) FROM n";

    @Test
    void thePoolLimitCancelsAStatementUnlessItSetsItsOwn() throws SQLException {
        try (TestDatabase test = TestDatabase.create(Engine.SQLITE);
                Database db = Database.open(test.config().toBuilder()
                        .statementTimeout(Duration.ofMillis(50))
                        .build());
                Connection c = db.connection()) {
            try (Statement limited = c.createStatement()) {
                assertThatThrownBy(() ->
                                limited.executeQuery(COUNT_TO_FIVE_MILLION).close())
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(db.dialect().classify((SQLException) e))
                                .isEqualTo(SqlErrorKind.TIMEOUT));
            }
            try (Statement unlimited = c.createStatement()) {
                unlimited.setQueryTimeout(0);
                try (ResultSet rs = unlimited.executeQuery(COUNT_TO_FIVE_MILLION)) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(5_000_000L);
                }
            }
        }
    }
}
