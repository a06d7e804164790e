package dev.flowbase.migrate;

import dev.flowbase.db.DatabaseException;
import dev.flowbase.db.Dialect;
import dev.flowbase.db.SqlErrors;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.migrate.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Runs one statement or one Java migration on the locked connection, and says what went wrong when
 * it fails: which script, which statement and line, the engine's code, never the SQL or its values.
 */
final class StatementRunner {
    private final Dialect dialect;
    private final EngineSupport engine;
    private final Connection c;

    StatementRunner(Dialect dialect, EngineSupport engine, Connection c) {
        this.dialect = dialect;
        this.engine = engine;
        this.c = c;
    }

    void execute(SqlStatement statement) throws SQLException {
        if (statement.copyData() != null) {
            engine.copyIn(c, statement);
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute(statement.sql());
        }
    }

    /**
     * Runs the Java migration (or its undo) that {@code s} stands for, on the migrating connection
     * and inside its transaction; nothing for a file. Its failure names the class, never SQL or values.
     */
    void runJava(Script s) {
        if (s.javaMigration() == null) {
            return;
        }
        // Jdbi over this one connection: closing the handle leaves the connection and its transaction alone.
        Jdbi jdbi = Jdbi.create(c);
        jdbi.getConfig(Handles.class).setForceEndTransactions(false);
        try (Handle handle = jdbi.open()) {
            if (s.type() == MigrationType.UNDO) {
                s.javaMigration().undo(handle);
            } else {
                s.javaMigration().migrate(handle);
            }
        } catch (Exception e) {
            throw new FlowbaseException(
                    ErrorCode.MIGRATION_FAILED,
                    "Java migration " + s.name() + " (version " + s.version() + ") failed: " + reason(e)
                            + "; it was rolled back (on MariaDB its DDL stays): fix it and run again",
                    e);
        }
    }

    /** What went wrong, without the SQL text and bound values that Jdbi's own messages carry. */
    private static String reason(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return SqlErrors.firstLineOf(sql);
            }
        }
        return e instanceof JdbiException ? e.getClass().getSimpleName() : String.valueOf(e.getMessage());
    }

    FlowbaseException failure(PlannedScript p, int index, SQLException e, String advice) {
        SqlStatement statement = p.statements().get(index);
        String action = p.script().name() + " statement " + (index + 1) + " of "
                + p.statements().size() + " (line " + statement.line() + ")";
        DatabaseException d = SqlErrors.statement(dialect, action, e);
        StringBuilder code = new StringBuilder();
        if (d.vendorCode() != 0) {
            code.append("error ").append(d.vendorCode());
        }
        if (d.sqlState() != null) {
            code.append(code.isEmpty() ? "" : ", ").append("SQLSTATE ").append(d.sqlState());
        }
        String engineCode = code.isEmpty() ? "" : " [" + dialect.engine().id() + " " + code + "]";
        return new FlowbaseException(ErrorCode.MIGRATION_FAILED, d.getMessage() + engineCode + "; " + advice, d);
    }

    /** {@code statement 1} or {@code statements 1-3}, never "statements 1-1". */
    static String upTo(int count) {
        return count == 1 ? "statement 1" : "statements 1-" + count;
    }
}
