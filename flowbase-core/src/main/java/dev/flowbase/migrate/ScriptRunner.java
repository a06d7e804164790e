package dev.flowbase.migrate;

import dev.flowbase.db.Dialect;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.migrate.EngineSupport.SqlWork;
import dev.flowbase.migrate.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs scripts on the locked connection and records them. Where DDL is transactional a script runs
 * whole or not at all, and its history row is written in the same transaction; elsewhere (MariaDB,
 * and no-transaction scripts) it runs statement by statement, recording progress after each, so a
 * fixed script can resume at the statement that failed ({@link StepwiseRun}).
 */
final class ScriptRunner {
    private final Dialect dialect;
    private final EngineSupport engine;
    private final HistoryTable history;
    private final Connection c;
    private final String installedBy;
    private final Callbacks callbacks;
    private final StatementRunner exec;
    private final StepwiseRun stepwise;
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
        this.exec = new StatementRunner(dialect, engine, c);
        this.stepwise = new StepwiseRun(this, exec, engine, history, c, callbacks);
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
        engine.outsideTransaction(c, () -> result[0] = stepwise.run(p, failed, after));
        return result[0];
    }

    /** Where the next row goes, after the history was read again. */
    void nextRank(int rank) {
        this.nextRank = rank;
    }

    /** The rank of the next row, taken. */
    int takeRank() {
        return nextRank++;
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
            exec.runJava(p.script());
            for (; i < statements.size(); i++) {
                exec.execute(statements.get(i));
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
            throw exec.failure(
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
                exec.runJava(p.script());
                for (; i < p.statements().size(); i++) {
                    exec.execute(p.statements().get(i));
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
            throw exec.failure(
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

    HistoryRow row(PlannedScript p, int rank, MigrationState state, int applied, String chain, long millis) {
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

    static ExecutedScript executed(PlannedScript p, long millis, int resumedAt) {
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

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
