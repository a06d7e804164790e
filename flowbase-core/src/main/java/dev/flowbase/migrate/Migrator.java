package dev.flowbase.migrate;

import dev.flowbase.db.SqlErrors;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.migrate.MigrationSession.SplitStep;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The front door of migrations: {@code Migrator.configure().database(db).load().migrate()}.
 * Every operation that changes something takes the lock first and reads the history under it
 * ({@link MigrationSession}); dry runs, {@code status} and {@code validate} only read, and take no lock.
 */
public final class Migrator {
    public static final String DEFAULT_TABLE = "flowbase_schema_history";
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(10);

    private final MigrationSession session;
    private final boolean outOfOrder;

    Migrator(MigratorBuilder b) {
        if (!b.location.isClasspath() && b.table.equalsIgnoreCase(DEFAULT_TABLE)) {
            throw new FlowbaseException(
                    ErrorCode.INVALID_ARGUMENT,
                    "The migrations in " + b.location + " cannot use " + DEFAULT_TABLE
                            + ": it holds Flowbase's own history; give your set a history table of its own");
        }
        this.session = new MigrationSession(b, Objects.requireNonNull(b.database, "database"));
        this.outOfOrder = b.outOfOrder;
    }

    public static MigratorBuilder configure() {
        return new MigratorBuilder();
    }

    /** Applies every pending script. */
    public MigrateResult migrate() {
        return migrate(MigrateRequest.all());
    }

    /**
     * Applies pending versioned scripts up to the request's target (all when null), then changed
     * repeatable ones. A dry run returns the statements it would run and touches nothing.
     */
    public MigrateResult migrate(MigrateRequest request) {
        long start = System.nanoTime();
        Version target = request.target();
        boolean group = request.grouping() == Grouping.ONE_TRANSACTION;
        if (group && !session.db.dialect().capabilities().transactionalDdl()) {
            throw new FlowbaseException(
                    ErrorCode.REFUSED,
                    "Group mode runs every pending migration in one transaction, but on " + session.db.engine()
                            + " each DDL statement commits by itself, so the group could not be rolled back:"
                            + " run without --group");
        }
        ScriptSet scripts = session.scripts();
        if (request.run() == Run.DRY_RUN) {
            History history = session.readHistory();
            List<ExecutedScript> planned = session.dryRun(Plan.migrate(scripts, history, target, outOfOrder));
            return new MigrateResult(true, planned, history.applied().size(), millisSince(start));
        }
        return session.locked(
                scripts,
                (c, history, runner) -> session.between(
                        c,
                        scripts,
                        MigrationEvent.BEFORE_MIGRATE,
                        MigrationEvent.AFTER_MIGRATE,
                        MigrationEvent.AFTER_MIGRATE_ERROR,
                        () -> {
                            List<SplitStep> steps = session.split(Plan.migrate(scripts, history, target, outOfOrder));
                            session.listener.onStart(steps.size());
                            List<ExecutedScript> done =
                                    group ? runGroup(c, runner, steps) : runEach(c, runner, steps, scripts, target);
                            return new MigrateResult(
                                    false, done, history.applied().size(), millisSince(start));
                        }));
    }

    /** One script at a time, each durable before the next; replans when another runner got in between. */
    private List<ExecutedScript> runEach(
            Connection c, ScriptRunner runner, List<SplitStep> steps, ScriptSet scripts, Version target)
            throws SQLException {
        List<ExecutedScript> done = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            ExecutedScript script =
                    runner.run(steps.get(i).planned(), steps.get(i).failed(), () -> {});
            boolean othersWrote = session.engine.checkpoint(c, session.lockTimeout);
            done.add(session.heard(script)); // heard only once it is durable
            if (othersWrote) {
                // Another runner got in while the lock was let go: plan the rest from its history.
                History now = new History(session.table.read(c));
                runner.nextRank(now.nextRank());
                steps = session.split(Plan.migrate(scripts, now, target, outOfOrder));
                i = -1;
            }
        }
        return done;
    }

    private List<ExecutedScript> runGroup(Connection c, ScriptRunner runner, List<SplitStep> steps)
            throws SQLException {
        for (SplitStep step : steps) {
            if (!step.planned().script().transactional()) {
                throw new FlowbaseException(
                        ErrorCode.REFUSED,
                        step.planned().script().where() + " is marked " + Script.NO_TRANSACTION
                                + " and cannot run inside the group's transaction: run without --group");
            }
        }
        List<ExecutedScript> done = runner.runAll(
                steps.stream().map(SplitStep::planned).toList(),
                steps.stream().map(SplitStep::failed).toList());
        session.engine.checkpoint(c, session.lockTimeout);
        done.forEach(session::heard); // heard only once the group is durable
        return done;
    }

    /** Undoes the applied versions above {@code to} ({@link Version#ZERO} for all), newest first. */
    public RollbackResult rollbackTo(Version to, Run run) {
        return rollback(Objects.requireNonNull(to, "to"), null, run);
    }

    /** Undoes the last {@code steps} applied versions, newest first. */
    public RollbackResult rollbackSteps(int steps, Run run) {
        return rollback(null, steps, run);
    }

    private RollbackResult rollback(Version to, Integer steps, Run run) {
        long start = System.nanoTime();
        ScriptSet scripts = session.scripts();
        if (Objects.requireNonNull(run, "run") == Run.DRY_RUN) {
            List<ExecutedScript> planned = session.dryRun(Plan.rollback(scripts, session.readHistory(), to, steps));
            return new RollbackResult(true, planned, millisSince(start));
        }
        return session.locked(
                scripts,
                (c, history, runner) -> session.between(
                        c,
                        scripts,
                        MigrationEvent.BEFORE_ROLLBACK,
                        MigrationEvent.AFTER_ROLLBACK,
                        MigrationEvent.AFTER_ROLLBACK_ERROR,
                        () -> {
                            List<SplitStep> planned = session.split(Plan.rollback(scripts, history, to, steps));
                            session.listener.onStart(planned.size());
                            List<ExecutedScript> done = new ArrayList<>();
                            for (SplitStep step : planned) {
                                int undone = step.undoes().installedRank();
                                done.add(session.heard(runner.run(
                                        step.planned(),
                                        step.failed(),
                                        () -> session.table.setState(c, undone, MigrationState.UNDONE))));
                            }
                            return new RollbackResult(false, done, millisSince(start));
                        }));
    }

    /** Checks applied scripts against the files; see {@link ValidateResult#problems()}. */
    public ValidateResult validate() {
        return validate(outOfOrder);
    }

    /** As {@link #validate()}, with versions below the highest applied one accepted whatever was configured. */
    public ValidateResult validateAllowingOutOfOrder() {
        return validate(true);
    }

    private ValidateResult validate(boolean outOfOrderAllowed) {
        ScriptSet scripts = session.scripts();
        Callbacks callbacks = session.callbacks(scripts);
        validateEvent(callbacks, MigrationEvent.BEFORE_VALIDATE);
        var result = new ValidateResult(
                Validation.all(scripts, session.readHistory(), outOfOrderAllowed, session.lockHolder()));
        validateEvent(callbacks, MigrationEvent.AFTER_VALIDATE);
        return result;
    }

    /** A validate event on a connection of its own, taken only when there is something to run. */
    private void validateEvent(Callbacks callbacks, MigrationEvent event) {
        if (!callbacks.has(event)) {
            return; // a one-connection pool (in-memory SQLite) must stay free for the reads
        }
        try (Connection c = session.db.connection()) {
            callbacks.runAlone(c, session.engine, event);
        } catch (SQLException e) {
            throw SqlErrors.statement(session.db.dialect(), "Running the " + event.fileStem() + " callbacks", e);
        }
    }

    public StatusReport status() {
        return StatusReport.of(session.table.name(), session.scripts(), session.readHistory(), session.lockHolder());
    }

    /** Removes failed entries and realigns the checksums of applied files that were edited. */
    public RepairResult repair() {
        ScriptSet scripts = session.scripts();
        return session.locked(
                scripts, (c, history, runner) -> new RepairResult(Repair.apply(c, session.table, scripts, history)));
    }

    /** Marks a database that was never migrated by Flowbase as being at {@code version}. */
    public BaselineResult baseline(Version version) {
        return session.locked(session.scripts(), (c, history, runner) -> {
            if (history.highestApplied().isPresent()) {
                throw new FlowbaseException(
                        ErrorCode.REFUSED,
                        "Cannot baseline: " + session.table.name() + " already records version "
                                + history.highestApplied().get()
                                + "; baseline is only for a database Flowbase has not migrated yet");
            }
            runner.record(HistoryRow.baseline(version, session.installedBy()));
            return new BaselineResult(version.toString(), session.table.name());
        });
    }

    /**
     * Takes over a database that Flyway migrated: proves each script Flyway applied is the file in
     * the location (Flyway's CRC32), then writes Flowbase's history for them. Flyway's table is
     * only read. After it, status, validate, up and rollback work as if Flowbase had applied them.
     *
     * @param flywayTable Flyway's history table, {@code flyway_schema_history} when null
     * @throws FlowbaseException listing every difference when a file is missing or changed; nothing is written
     */
    public AdoptResult adoptFlyway(String flywayTable) {
        String source = flywayTable == null ? FlywayAdoption.DEFAULT_TABLE : flywayTable;
        ScriptSet scripts = session.scripts();
        return session.locked(
                scripts,
                (c, history, runner) -> FlywayAdoption.adopt(
                        c, history, runner, session.engine, session.db, session.table.name(), scripts, source));
    }

    /**
     * Drops the history table, then every other table, view, sequence, routine and type of the
     * database (PostgreSQL: of the current schema), whichever migration made it. The caller asks
     * for confirmation and refuses production: this is the library's part.
     */
    public CleanResult clean() {
        return session.locked(
                session.scripts(),
                (c, history, runner) -> new CleanResult(
                        session.table.name(),
                        Clean.dropAll(c, session.engine, session.table.quoted(), session.table.name())));
    }

    /** Writes the next versioned script and its undo in every engine folder of {@code directory}. */
    public static CreateResult create(String name, Path directory) {
        return ScriptCreator.create(name, directory);
    }

    ScriptSet scripts() {
        return session.scripts();
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
