package dev.flowbase.migrate;

import dev.flowbase.db.SqlErrors;
import dev.flowbase.engine.Engine;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.migrate.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the callback files of an event, then the listener's {@code on}. A failure names the
 * callback file and its statement; the caller decides what it rolls back.
 */
final class Callbacks {
    private final Map<MigrationEvent, List<Script>> files;
    private final MigrationListener listener;
    private final Engine engine;
    private final Placeholders placeholders;
    /** Each file split once per run, however many scripts its each-event runs around. */
    private final Map<Script, PlannedScript> split = new HashMap<>();

    Callbacks(Map<MigrationEvent, List<Script>> files, MigrationListener listener, Engine engine, Placeholders values) {
        this.files = files;
        this.listener = listener;
        this.engine = engine;
        this.placeholders = values;
    }

    /** Runs the event on {@code c} as it is: inside the caller's transaction, if there is one. */
    void run(Connection c, MigrationEvent event, String script) {
        for (Script file : files.getOrDefault(event, List.of())) {
            PlannedScript planned = split.computeIfAbsent(file, f -> PlannedScript.of(f, engine, placeholders));
            for (int i = 0; i < planned.statements().size(); i++) {
                SqlStatement statement = planned.statements().get(i);
                try (Statement s = c.createStatement()) {
                    s.execute(statement.sql());
                } catch (SQLException e) {
                    throw new FlowbaseException(
                            ErrorCode.MIGRATION_FAILED,
                            "Callback " + file.where() + " statement " + (i + 1) + " (line " + statement.line()
                                    + ") failed" + (script == null ? "" : " for " + script) + ": "
                                    + SqlErrors.firstLineOf(e),
                            e);
                }
            }
        }
        try {
            listener.on(event, c, script);
        } catch (SQLException e) {
            throw new FlowbaseException(
                    ErrorCode.MIGRATION_FAILED,
                    "The migration listener failed at " + event.fileStem() + ": " + SqlErrors.firstLineOf(e),
                    e);
        }
    }

    /** Whether the event has anything to run: a file, or a listener that may want it. */
    boolean has(MigrationEvent event) {
        return files.containsKey(event) || listener != MigrationListener.NONE;
    }

    /** Runs the event in a transaction of its own, committed when it succeeds. */
    void runAlone(Connection c, EngineSupport support, MigrationEvent event) throws SQLException {
        if (!has(event)) {
            return;
        }
        support.begin(c);
        try {
            run(c, event, null);
            support.commit(c);
        } catch (RuntimeException e) {
            support.rollback(c);
            throw e;
        }
    }

    /**
     * Runs {@code work} between the {@code before} and {@code after} events, each in a transaction of
     * its own, and the {@code error} event instead of {@code after} when it fails.
     */
    <T> T around(
            Connection c,
            EngineSupport support,
            MigrationEvent before,
            MigrationEvent after,
            MigrationEvent error,
            SqlCall<T> work)
            throws SQLException {
        runAlone(c, support, before);
        T result;
        try {
            result = work.call();
        } catch (SQLException | RuntimeException e) {
            try {
                runAlone(c, support, error);
            } catch (SQLException | RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
        runAlone(c, support, after);
        return result;
    }

    @FunctionalInterface
    interface SqlCall<T> {
        T call() throws SQLException;
    }
}
