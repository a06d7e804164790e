package dev.flowbase.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@link Database#openForOneCommand}: what a command that runs once opens instead of a pool. It
 * must behave like the pool for everything a command does: statements, transactions, a second
 * connection while the first is out, and a connection given back in the state a new one has.
 */
class OneCommandDatabaseTest {

    @EngineTest
    void runsStatementsAndTransactionsOnTheOneConnectionItKeeps(TestDatabase test) {
        try (Database db = Database.openForOneCommand(test.config())) {
            db.execute("Creating a table", "CREATE TABLE probe (id INT PRIMARY KEY, label VARCHAR(20))");
            db.inTransaction("Adding a row", h -> h.execute("INSERT INTO probe (id, label) VALUES (?, ?)", 1, "one"));

            String label = db.withHandle(
                    "Reading it",
                    h -> h.createQuery("SELECT label FROM probe WHERE id = 1")
                            .mapTo(String.class)
                            .one());

            assertThat(label).isEqualTo("one");
            assertThat(db.poolStats())
                    .isEqualTo(new PoolStats(0, 1, 0, test.config().pool().maxSize()));
        }
    }

    @EngineTest
    void opensASecondConnectionWhileTheFirstIsOutAndKeepsOnlyOne(TestDatabase test) throws SQLException {
        try (Database db = Database.openForOneCommand(test.config())) {
            try (Connection lock = db.connection();
                    Connection work = db.connection()) {
                assertThat(db.poolStats().active()).isEqualTo(2);
                assertThat(one(work)).isEqualTo(1);
                assertThat(one(lock)).isEqualTo(1);
            }
            assertThat(db.poolStats().active()).isZero();
            assertThat(db.poolStats().idle()).isEqualTo(1);
        }
    }

    @EngineTest
    void aConnectionComesBackWithoutWhatItsLastUserLeftOpen(TestDatabase test) throws SQLException {
        try (Database db = Database.openForOneCommand(test.config())) {
            db.execute("Creating a table", "CREATE TABLE probe (id INT PRIMARY KEY)");
            try (Connection c = db.connection();
                    Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.execute("INSERT INTO probe (id) VALUES (1)");
                // given back neither committed nor rolled back
            }
            try (Connection c = db.connection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM probe")) {
                assertThat(c.getAutoCommit()).isTrue();
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @EngineTest
    void aConnectionGivenBackCannotBeUsedAgain(TestDatabase test) throws SQLException {
        try (Database db = Database.openForOneCommand(test.config())) {
            Connection c = db.connection();
            c.close();
            c.close(); // twice is harmless, as with a pool

            assertThat(c.isClosed()).isTrue();
            assertThatThrownBy(c::createStatement).isInstanceOf(SQLException.class);
            assertThat(db.poolStats().idle()).isEqualTo(1);
        }
    }

    private static int one(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
