package dev.flowbase.migrate;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.migrate.EngineSupport.SqlWork;
import dev.flowbase.migrate.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs a script statement by statement, so that a fixed script resumes where it failed and a
 * killed run never repeats a statement. A statement that can share a transaction with its
 * progress record (DML, see {@link EngineSupport#joinsTransaction}) commits together with it.
 * Before one that commits by itself, the row says {@link MigrationState#RUNNING}: if a runner
 * dies then, the next run knows exactly which statement is in doubt. The marker costs no write
 * of its own: it goes with the previous statement's progress record.
 */
final class StepwiseRun {
    private final ScriptRunner runner;
    private final StatementRunner statements;
    private final EngineSupport engine;
    private final HistoryTable history;
    private final Connection c;
    private final Callbacks callbacks;

    StepwiseRun(
            ScriptRunner runner,
            StatementRunner statements,
            EngineSupport engine,
            HistoryTable history,
            Connection c,
            Callbacks callbacks) {
        this.runner = runner;
        this.statements = statements;
        this.engine = engine;
        this.history = history;
        this.c = c;
        this.callbacks = callbacks;
    }

    ExecutedScript run(PlannedScript p, HistoryRow failed, SqlWork after) throws SQLException {
        long start = System.nanoTime();
        List<SqlStatement> all = p.statements();
        String chain = failed == null ? null : verifiedPrefix(p, failed);
        int from = failed == null ? 0 : InDoubt.resolve(p, failed, engine, c);
        if (failed != null && from > failed.statementsApplied()) {
            chain = Checksum.chain(chain, all.get(from - 1).sql()); // the in-doubt statement had run
        }
        HistoryRow row;
        if (failed == null) {
            // Recorded before the first statement: a runner killed half-way leaves the truth.
            row = runner.row(p, runner.takeRank(), stateBefore(all, 0), 0, null, 0);
            history.insert(c, row);
        } else {
            row = runner.row(p, failed.installedRank(), MigrationState.FAILED, from, chain, 0);
            history.progress(c, row.withProgress(from, chain, ScriptRunner.millisSince(start), stateBefore(all, from)));
        }
        try {
            callbacks.run(
                    c, MigrationEvent.beforeEach(p.script().type()), p.script().name());
        } catch (FlowbaseException e) {
            history.progress(c, row.withProgress(from, chain, ScriptRunner.millisSince(start), MigrationState.FAILED));
            throw e;
        }
        for (int i = from; i < all.size(); i++) {
            SqlStatement statement = all.get(i);
            boolean together = engine.joinsTransaction(statement);
            String next = Checksum.chain(chain, statement.sql());
            try {
                if (together) {
                    engine.begin(c);
                }
                statements.execute(statement);
                // The last statement's record is also the success: one write less per script.
                history.progress(
                        c, row.withProgress(i + 1, next, ScriptRunner.millisSince(start), stateBefore(all, i + 1)));
                if (together) {
                    engine.commit(c);
                }
            } catch (SQLException e) {
                if (together) {
                    engine.rollback(c);
                }
                history.progress(c, row.withProgress(i, chain, ScriptRunner.millisSince(start), MigrationState.FAILED));
                throw statements.failure(p, i, e, advice(i));
            }
            chain = next;
        }
        if (from >= all.size()) {
            history.progress(
                    c, row.withProgress(all.size(), chain, ScriptRunner.millisSince(start), MigrationState.SUCCESS));
        }
        // Here the script's statements have committed one by one: a failing callback cannot take them back.
        callbacks.run(c, MigrationEvent.afterEach(p.script().type()), p.script().name());
        after.run();
        return ScriptRunner.executed(p, ScriptRunner.millisSince(start), from + 1);
    }

    /** The state to record before statement {@code next} runs: whether it can leave the run in doubt. */
    private MigrationState stateBefore(List<SqlStatement> all, int next) {
        if (next == all.size()) {
            return MigrationState.SUCCESS;
        }
        return engine.joinsTransaction(all.get(next)) ? MigrationState.FAILED : MigrationState.RUNNING;
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
                            + StatementRunner.upTo(applied)
                            + " as they were to resume, or undo them by hand and run `flowbase migrate repair`");
        }
        return chain;
    }

    private static String advice(int index) {
        String upTo = StatementRunner.upTo(index);
        return index == 0
                ? "no statement of it was applied: fix the file and run `flowbase migrate up` again"
                : upTo + (index == 1 ? " was" : " were") + " applied and recorded: fix statement "
                        + (index + 1) + " and run `flowbase migrate up` to resume there (" + upTo
                        + " must stay unchanged), or undo them by hand and run `flowbase migrate repair`";
    }
}
