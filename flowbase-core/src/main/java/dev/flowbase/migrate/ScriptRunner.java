package dev.flowbase.migrate;

import dev.flowbase.db.DatabaseException;
import dev.flowbase.db.Dialect;
import dev.flowbase.db.SqlErrors;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.migrate.EngineSupport.SqlWork;
import dev.flowbase.migrate.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs scripts on the locked connection and records them. Where DDL is transactional a script runs
 * whole or not at all, and its history row is written in the same transaction; elsewhere (MariaDB,
 * and no-transaction scripts) it runs statement by statement, recording progress after each, so a
 * fixed script can resume at the statement that failed.
 */
final class ScriptRunner {
    private final Dialect dialect;
    private final EngineSupport engine;
    private final HistoryTable history;
    private final Connection c;
    private final String installedBy;
    private final Callbacks callbacks;
    private int nextRank;

    ScriptRunner(
            Dialect dialect,
            EngineSupport engine,
            HistoryTable history,
            Connection c,
            String by,
            int nextRank,
            Callbacks callbacks) {
        this.callbacks = callbacks;
        this.dialect = dialect;
        this.engine = engine;
        this.history = history;
        this.c = c;
        this.installedBy = by;
        this.nextRank = nextRank;
    }

    /**
     * Runs {@code p}; {@code failed} is an earlier failed row of the same script, replaced or resumed;
     * {@code after} is further bookkeeping done, where the engine allows, in the script's transaction.
     */
    ExecutedScript run(PlannedScript p, HistoryRow failed, SqlWork after) throws SQLException {
        // A Java migration is one step: it runs in a transaction on every engine.
        boolean whole =
                p.script().javaMigration() != null || dialect.capabilities().transactionalDdl();
        if (whole && p.script().transactional()) {
            return runWhole(p, failed, after);
        }
        ExecutedScript[] result = new ExecutedScript[1];
        engine.outsideTransaction(c, () -> result[0] = runStepwise(p, failed, after));
        return result[0];
    }

    /** Where the next row goes, after the history was read again. */
    void nextRank(int rank) {
        this.nextRank = rank;
    }

    /** Inserts a row that runs no script (a baseline). */
    void record(HistoryRow row) throws SQLException {
        history.insert(c, row.withRank(nextRank++));
    }

    private ExecutedScript runWhole(PlannedScript p, HistoryRow failed, SqlWork after) throws SQLException {
        long start = System.nanoTime();
        List<SqlStatement> statements = p.statements();
        engine.begin(c);
        int i = 0;
        try {
            callbacks.run(
                    c, MigrationEvent.beforeEach(p.script().type()), p.script().name());
            runJava(p.script());
            for (; i < statements.size(); i++) {
                execute(statements.get(i));
            }
            callbacks.run(
                    c, MigrationEvent.afterEach(p.script().type()), p.script().name());
            if (failed != null) {
                history.delete(c, failed.installedRank());
            }
            history.insert(c, row(p, nextRank++, MigrationState.SUCCESS, statements.size(), null, millisSince(start)));
            after.run();
            engine.commit(c);
        } catch (FlowbaseException e) {
            // A callback failed: the script goes with it, as a failing statement would take it.
            engine.rollback(c);
            recordFailure(p, failed, start);
            throw e;
        } catch (SQLException e) {
            engine.rollback(c);
            if (i == statements.size()) {
                throw e; // the bookkeeping failed, not the script: nothing to blame the file for
            }
            recordFailure(p, failed, start);
            throw failure(
                    p,
                    i,
                    e,
                    "it was rolled back and nothing of it remains: fix the file and run"
                            + " `flowbase migrate up` again");
        }
        return executed(p, millisSince(start), 1);
    }

    /**
     * Runs every script in one transaction, all or none (group mode): no commit per file, and a
     * failure in any of them leaves none applied. Only where DDL is transactional.
     *
     * @param failed for each script, its earlier failed row or null
     */
    List<ExecutedScript> runAll(List<PlannedScript> scripts, List<HistoryRow> failed) throws SQLException {
        int firstRank = nextRank;
        List<ExecutedScript> done = new ArrayList<>();
        engine.begin(c);
        int k = 0;
        int i = 0;
        long start = System.nanoTime();
        try {
            for (; k < scripts.size(); k++) {
                PlannedScript p = scripts.get(k);
                start = System.nanoTime();
                i = 0;
                callbacks.run(
                        c,
                        MigrationEvent.beforeEach(p.script().type()),
                        p.script().name());
                runJava(p.script());
                for (; i < p.statements().size(); i++) {
                    execute(p.statements().get(i));
                }
                callbacks.run(
                        c,
                        MigrationEvent.afterEach(p.script().type()),
                        p.script().name());
                if (failed.get(k) != null) {
                    history.delete(c, failed.get(k).installedRank());
                }
                history.insert(c, row(p, nextRank++, MigrationState.SUCCESS, i, null, millisSince(start)));
                done.add(executed(p, millisSince(start), 1));
            }
            engine.commit(c);
            return done;
        } catch (FlowbaseException e) {
            engine.rollback(c);
            nextRank = firstRank;
            recordFailure(scripts.get(k), failed.get(k), start);
            throw e;
        } catch (SQLException e) {
            engine.rollback(c);
            nextRank = firstRank; // the rows of the group went with it
            if (k == scripts.size() || i == scripts.get(k).statements().size()) {
                throw e; // the bookkeeping failed, not a script
            }
            recordFailure(scripts.get(k), failed.get(k), start);
            throw failure(
                    scripts.get(k),
                    i,
                    e,
                    "the group was rolled back and none of its " + scripts.size() + " scripts remains: fix the"
                            + " file and run `flowbase migrate up --group` again");
        }
    }

    /** Recorded after the rollback, in a transaction of its own, so the record survives. */
    private void recordFailure(PlannedScript p, HistoryRow failed, long start) throws SQLException {
        engine.begin(c);
        if (failed != null) {
            history.delete(c, failed.installedRank());
        }
        history.insert(c, row(p, nextRank++, MigrationState.FAILED, 0, null, millisSince(start)));
        engine.commit(c);
    }

    /**
     * Runs a script statement by statement, so that a fixed script resumes where it failed and a
     * killed run never repeats a statement. A statement that can share a transaction with its
     * progress record (DML, see {@link EngineSupport#joinsTransaction}) commits together with it.
     * Before one that commits by itself, the row says {@link MigrationState#RUNNING}: if a runner
     * dies then, the next run knows exactly which statement is in doubt. The marker costs no write
     * of its own: it goes with the previous statement's progress record.
     */
    private ExecutedScript runStepwise(PlannedScript p, HistoryRow failed, SqlWork after) throws SQLException {
        long start = System.nanoTime();
        List<SqlStatement> statements = p.statements();
        String chain = failed == null ? null : verifiedPrefix(p, failed);
        int from = failed == null ? 0 : InDoubt.resolve(p, failed, engine, c);
        if (failed != null && from > failed.statementsApplied()) {
            chain = Checksum.chain(chain, statements.get(from - 1).sql()); // the in-doubt statement had run
        }
        HistoryRow row;
        if (failed == null) {
            // Recorded before the first statement: a runner killed half-way leaves the truth.
            row = row(p, nextRank++, stateBefore(statements, 0), 0, null, 0);
            history.insert(c, row);
        } else {
            row = row(p, failed.installedRank(), MigrationState.FAILED, from, chain, 0);
            history.progress(c, row.withProgress(from, chain, millisSince(start), stateBefore(statements, from)));
        }
        try {
            callbacks.run(
                    c, MigrationEvent.beforeEach(p.script().type()), p.script().name());
        } catch (FlowbaseException e) {
            history.progress(c, row.withProgress(from, chain, millisSince(start), MigrationState.FAILED));
            throw e;
        }
        for (int i = from; i < statements.size(); i++) {
            SqlStatement statement = statements.get(i);
            boolean together = engine.joinsTransaction(statement);
            String next = Checksum.chain(chain, statement.sql());
            try {
                if (together) {
                    engine.begin(c);
                }
                execute(statement);
                // The last statement's record is also the success: one write less per script.
                history.progress(c, row.withProgress(i + 1, next, millisSince(start), stateBefore(statements, i + 1)));
                if (together) {
                    engine.commit(c);
                }
            } catch (SQLException e) {
                if (together) {
                    engine.rollback(c);
                }
                history.progress(c, row.withProgress(i, chain, millisSince(start), MigrationState.FAILED));
                throw failure(p, i, e, stepwiseAdvice(i));
            }
            chain = next;
        }
        if (from >= statements.size()) {
            history.progress(c, row.withProgress(statements.size(), chain, millisSince(start), MigrationState.SUCCESS));
        }
        // Here the script's statements have committed one by one: a failing callback cannot take them back.
        callbacks.run(c, MigrationEvent.afterEach(p.script().type()), p.script().name());
        after.run();
        return executed(p, millisSince(start), from + 1);
    }

    /** The state to record before statement {@code next} runs: whether it can leave the run in doubt. */
    private MigrationState stateBefore(List<SqlStatement> statements, int next) {
        if (next == statements.size()) {
            return MigrationState.SUCCESS;
        }
        return engine.joinsTransaction(statements.get(next)) ? MigrationState.FAILED : MigrationState.RUNNING;
    }

    /** The chained checksum of the statements a failed run applied, if they are still the same. */
    private static String verifiedPrefix(PlannedScript p, HistoryRow failed) {
        int applied = failed.statementsApplied();
        String chain = null;
        for (int i = 0; i < Math.min(applied, p.statements().size()); i++) {
            chain = Checksum.chain(chain, p.statements().get(i).sql());
        }
        if (applied > 0 && (applied > p.statements().size() || !chain.equals(failed.appliedChecksum()))) {
            throw new FlowbaseException(
                    ErrorCode.MIGRATION_FAILED,
                    p.script().name() + " failed earlier after " + applied + " statement(s) had been applied, and"
                            + " those statements have changed since: restore "
                            + upTo(applied)
                            + " as they were to resume, or undo them by hand and run `flowbase migrate repair`");
        }
        return chain;
    }

    private static String stepwiseAdvice(int index) {
        return index == 0
                ? "no statement of it was applied: fix the file and run `flowbase migrate up` again"
                : upTo(index) + (index == 1 ? " was" : " were") + " applied and recorded: fix statement "
                        + (index + 1) + " and run `flowbase migrate up` to resume there (" + upTo(index)
                        + " must stay unchanged), or undo them by hand and run `flowbase migrate repair`";
    }

    /** {@code statement 1} or {@code statements 1-3}, never "statements 1-1". */
    private static String upTo(int count) {
        return count == 1 ? "statement 1" : "statements 1-" + count;
    }

    private FlowbaseException failure(PlannedScript p, int index, SQLException e, String advice) {
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

    /**
     * Runs the Java migration (or its undo) that {@code s} stands for, on the migrating connection
     * and inside its transaction; nothing for a file. Its failure names the class, never SQL or values.
     */
    private void runJava(Script s) {
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
        return e instanceof org.jdbi.v3.core.JdbiException
                ? e.getClass().getSimpleName()
                : String.valueOf(e.getMessage());
    }

    private void execute(SqlStatement statement) throws SQLException {
        if (statement.copyData() != null) {
            engine.copyIn(c, statement);
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute(statement.sql());
        }
    }

    private HistoryRow row(PlannedScript p, int rank, MigrationState state, int applied, String chain, long millis) {
        Script s = p.script();
        return new HistoryRow(
                rank,
                s.version(),
                s.description(),
                s.type(),
                s.name(),
                s.checksum(),
                installedBy,
                Instant.now(),
                millis,
                state,
                applied,
                chain);
    }

    private static ExecutedScript executed(PlannedScript p, long millis, int resumedAt) {
        Script s = p.script();
        return new ExecutedScript(
                s.version() == null ? null : s.version().toString(),
                s.description(),
                s.type(),
                s.name(),
                millis,
                p.statements().size(),
                resumedAt,
                List.of());
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
