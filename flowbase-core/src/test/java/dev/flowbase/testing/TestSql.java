package dev.flowbase.testing;

import dev.flowbase.db.Database;
import dev.flowbase.db.SqlErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Statements a test runs by hand, failing as Flowbase would: with a classified {@link dev.flowbase.db.DatabaseException}. */
public final class TestSql {
    private TestSql() {}

    public static void exec(Database db, String... statements) {
        try (Connection c = db.connection();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw SqlErrors.statement(db.dialect(), "Test statement", e);
        }
    }
}
