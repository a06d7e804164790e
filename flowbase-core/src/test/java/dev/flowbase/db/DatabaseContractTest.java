package dev.flowbase.db;

import static dev.flowbase.testing.TestSql.exec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.engine.Engine;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What every engine must do the same way: connect, describe itself, and report failures alike. */
class DatabaseContractTest {

    private static DatabaseException failure(Database db, String sql) {
        return catchThrowableOfType(DatabaseException.class, () -> exec(db, sql));
    }

    /** The same two tables on every engine, each in its own dialect. */
    private static void createTables(Database db) {
        String id = db.engine() == Engine.MARIADB ? "INT PRIMARY KEY" : "INTEGER PRIMARY KEY";
        exec(
                db,
                "CREATE TABLE parent (id " + id + ", email VARCHAR(100) NOT NULL UNIQUE,"
                        + " status VARCHAR(10) NOT NULL CHECK (status IN ('on', 'off')))");
        exec(db, "CREATE TABLE child (id " + id + ", parent_id INT NOT NULL REFERENCES parent (id))");
        if (db.engine() == Engine.MARIADB) {
            exec(db, "ALTER TABLE child ADD CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id)");
        }
        exec(db, "INSERT INTO parent (id, email, status) VALUES (1, 'a@example.com', 'on')");
    }

    @EngineTest
    void opensAndDescribesTheServerItIsConnectedTo(TestDatabase test, Database db) {
        assertThat(db.engine()).isEqualTo(test.engine());
        assertThat(db.facts().version()).isNotBlank();
        assertThat(db.facts().tls()).isFalse();
        if (!test.engine().isEmbedded()) {
            assertThat(db.facts().database()).isEqualTo(test.name());
        }
    }

    @EngineTest
    void aDuplicateIsAUniqueViolationOnEveryEngineAndItsValueIsNotRepeated(Database db) {
        createTables(db);

        DatabaseException e = failure(db, "INSERT INTO parent (id, email, status) VALUES (2, 'a@example.com', 'on')");

        assertThat(e.kind()).isEqualTo(SqlErrorKind.UNIQUE_VIOLATION);
        assertThat(e.getMessage()).doesNotContain("a@example.com");
    }

    @EngineTest
    void anOmittedRequiredColumnKeepsTheEnginesOwnWordsWithTheColumnName(Database db) {
        createTables(db);

        DatabaseException e = failure(db, "INSERT INTO parent (id, status) VALUES (5, 'on')");

        assertThat(e.kind()).isEqualTo(SqlErrorKind.NOT_NULL_VIOLATION);
        assertThat(e.getMessage()).contains("email"); // e.g. MariaDB's "Field 'email' doesn't have a default value"
        assertThat(e.getMessage()).doesNotContain("(conn=");
    }

    @EngineTest
    void aDuplicateNamesTheEnginesMessageButNotTheValue(Database db) {
        createTables(db);
        exec(db, "INSERT INTO parent (id, email, status) VALUES (6, 'second-row@example.com', 'off')");

        DatabaseException e =
                failure(db, "UPDATE parent SET email = 'a@example.com' WHERE email = 'second-row@example.com'");

        assertThat(e.getMessage())
                .containsIgnoringCase("unique")
                .doesNotContain("a@example.com")
                .doesNotContain("second-row")
                .doesNotContain("Failing row");
    }

    @EngineTest
    void theDeclaredCapabilitiesAreWhatTheServerAccepts(Database db) {
        Capabilities can = db.dialect().capabilities();

        assertThat(rollsBackDdl(db)).isEqualTo(can.transactionalDdl());
    }

    /** Whether a table created in a transaction that is then rolled back is gone. */
    private static boolean rollsBackDdl(Database db) {
        try (Connection c = db.connection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("CREATE TABLE cap (id INTEGER PRIMARY KEY, n INTEGER)");
            c.rollback();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return !accepts(db, "SELECT id FROM cap");
    }

    private static boolean accepts(Database db, String sql) {
        try (Connection c = db.connection();
                Statement s = c.createStatement()) {
            s.execute(sql);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @EngineTest
    void aMissingParentIsAForeignKeyViolation(Database db) {
        createTables(db);

        assertThat(failure(db, "INSERT INTO child (id, parent_id) VALUES (1, 42)")
                        .kind())
                .isEqualTo(SqlErrorKind.FOREIGN_KEY_VIOLATION);
    }

    @EngineTest
    void aNullInARequiredColumnIsANotNullViolation(Database db) {
        createTables(db);

        assertThat(failure(db, "INSERT INTO parent (id, email, status) VALUES (3, NULL, 'on')")
                        .kind())
                .isEqualTo(SqlErrorKind.NOT_NULL_VIOLATION);
    }

    @EngineTest
    void aValueOutsideTheCheckIsACheckViolation(Database db) {
        createTables(db);

        assertThat(failure(db, "INSERT INTO parent (id, email, status) VALUES (4, 'b@example.com', 'maybe')")
                        .kind())
                .isEqualTo(SqlErrorKind.CHECK_VIOLATION);
    }

    @EngineTest
    void badSqlIsASyntaxError(Database db) {
        assertThat(failure(db, "SELEC 1").kind()).isEqualTo(SqlErrorKind.SYNTAX);
    }

    @EngineTest
    void aStatementPastTheTimeLimitIsATimeout(TestDatabase test) {
        DatabaseConfig config = test.config();
        String slow = switch (test.engine()) {
            case POSTGRESQL -> "SELECT pg_sleep(10)";
            case MARIADB -> "SELECT SLEEP(10) FROM (SELECT 1) t WHERE SLEEP(10) = 1";
            case SQLITE ->
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)" + " SELECT count(*) FROM n";
        };
        try (Database db = Database.open(
                config.toBuilder().statementTimeout(Duration.ofMillis(300)).build())) {
            assertThat(failure(db, slow).kind()).isEqualTo(SqlErrorKind.TIMEOUT);
        }
    }

    @EngineTest
    void anInstantWrittenInAnyZoneReadsBackAsTheSameInstant(Database db) throws SQLException {
        String type = switch (db.engine()) {
            case POSTGRESQL -> "TIMESTAMPTZ";
            case MARIADB -> "DATETIME(6)";
            case SQLITE -> "TEXT";
        };
        exec(db, "CREATE TABLE moments (id INT PRIMARY KEY, at " + type + " NOT NULL)");
        // Milliseconds: the finest precision all three engines keep (SQLite stores ISO text in ms).
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (Connection c = db.connection()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO moments (id, at) VALUES (1, ?)")) {
                db.dialect().setInstant(insert, 1, now);
                insert.executeUpdate();
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT at FROM moments")) {
                rs.next();
                assertThat(db.dialect().getInstant(rs, 1)).isEqualTo(now);
            }
        }
    }

    @EngineTest
    void identifiersAreQuotedByTheEnginesRules(Database db) throws SQLException {
        String name = db.dialect().quoteIdentifier("odd \"name` here");
        exec(db, "CREATE TABLE " + name + " (x INT)");
        exec(db, "INSERT INTO " + name + " (x) VALUES (7)");
        try (Connection c = db.connection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT x FROM " + name)) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(7);
        }
    }
}
