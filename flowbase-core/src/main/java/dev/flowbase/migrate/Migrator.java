package dev.flowbase.migrate;

import dev.flowbase.db.Database;
import dev.flowbase.db.SqlErrors;
import dev.flowbase.db.StatementLimit;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.migrate.EngineSupport.MigrationLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The front door of migrations: {@code Migrator.configure().database(db).load().migrate()}.
 * Every operation that changes something takes the lock first and reads the history under it;
 * dry runs, {@code status} and {@code validate} only read, and take no lock.
 */
public final class Migrator {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Migrator.class);
    public static final String DEFAULT_TABLE = "flowbase_schema_history";
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(10);

    private final Database db;
    private final MigrationLocation location;
    private final HistoryTable table;
    private final EngineSupport engine;
    private final Duration lockTimeout;
    private final boolean outOfOrder;
    private final MigrationListener listener;
    private final Placeholders placeholders;
    private final List<JavaMigration> javaMigrations;

    Migrator(MigratorBuilder b) {
        if (!b.location.isClasspath() && b.table.equalsIgnoreCase(DEFAULT_TABLE)) {
            throw new FlowbaseException(
                    ErrorCode.INVALID_ARGUMENT,
                    "The migrations in " + b.location + " cannot use " + DEFAULT_TABLE
                            + ": it holds Flowbase's own history; give your set a history table of its own");
        }
        this.db = Objects.requireNonNull(b.database, "database");
        this.location = b.location;
        this.engine = EngineSupport.forEngine(db.engine());
        this.table = new HistoryTable(b.table, db.dialect(), engine);
        this.lockTimeout = b.lockTimeout;
        this.outOfOrder = b.outOfOrder;
        this.listener = b.listener;
        this.placeholders = b.placeholders;
        this.javaMigrations = List.copyOf(b.javaMigrations);
    }

    public static MigratorBuilder configure() {
        return new MigratorBuilder();
    }

    /** Applies every pending script. */
    public MigrateResult migrate() {
        return migrate(null, false);
    }

    /**
     * Applies pending versioned scripts up to {@code target} (all when null), then changed repeatable
     * ones. A dry run returns the statements it would run and touches nothing.
     */
    public MigrateResult migrate(Version target, boolean dryRun) {
        return migrate(target, dryRun, false);
    }

    /**
     * As {@link #migrate(Version, boolean)}; with {@code group}, every pending script runs in one
     * transaction: all or none, and faster (no commit per file). Refused where DDL commits by itself.
     */
    public MigrateResult migrate(Version target, boolean dryRun, boolean group) {
        long start = System.nanoTime();
        if (group && !db.dialect().capabilities().transactionalDdl()) {
            throw new FlowbaseException(
                    ErrorCode.REFUSED,
                    "Group mode runs every pending migration in one transaction, but on " + db.engine()
                            + " each DDL statement commits by itself, so the group could not be rolled back:"
                            + " run without --group");
        }
        ScriptSet scripts = scripts();
        if (dryRun) {
            History history = readHistory();
            Placeholders values = placeholders();
            List<ExecutedScript> planned = Plan.migrate(scripts, history, target, outOfOrder).stream()
                    .map(step ->
                            PlannedScript.of(step.script(), db.engine(), values).dryRun())
                    .toList();
            return new MigrateResult(true, planned, history.applied().size(), millisSince(start));
        }
        return locked(
                scripts,
                (c, history, runner) -> between(
                        c,
                        scripts,
                        MigrationEvent.BEFORE_MIGRATE,
                        MigrationEvent.AFTER_MIGRATE,
                        MigrationEvent.AFTER_MIGRATE_ERROR,
                        () -> {
                            List<SplitStep> steps = split(Plan.migrate(scripts, history, target, outOfOrder));
                            listener.onStart(steps.size());
                            if (group) {
                                return new MigrateResult(
                                        false,
                                        runGroup(c, runner, steps),
                                        history.applied().size(),
                                        millisSince(start));
                            }
                            List<ExecutedScript> done = new ArrayList<>();
                            for (int i = 0; i < steps.size(); i++) {
                                ExecutedScript script = runner.run(
                                        steps.get(i).planned(), steps.get(i).failed(), () -> {});
                                boolean othersWrote = engine.checkpoint(c, lockTimeout);
                                done.add(heard(script)); // heard only once it is durable
                                if (othersWrote) {
                                    // Another runner got in while the lock was let go: plan the rest from its history.
                                    History now = new History(table.read(c));
                                    runner.nextRank(now.nextRank());
                                    steps = split(Plan.migrate(scripts, now, target, outOfOrder));
                                    i = -1;
                                }
                            }
                            return new MigrateResult(
                                    false, done, history.applied().size(), millisSince(start));
                        }));
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
        engine.checkpoint(c, lockTimeout);
        done.forEach(this::heard); // heard only once the group is durable
        return done;
    }

    /** Undoes the applied versions above {@code to} ({@link Version#ZERO} for all), newest first. */
    public RollbackResult rollbackTo(Version to, boolean dryRun) {
        return rollback(Objects.requireNonNull(to, "to"), null, dryRun);
    }

    /** Undoes the last {@code steps} applied versions, newest first. */
    public RollbackResult rollbackSteps(int steps, boolean dryRun) {
        return rollback(null, steps, dryRun);
    }

    private RollbackResult rollback(Version to, Integer steps, boolean dryRun) {
        long start = System.nanoTime();
        ScriptSet scripts = scripts();
        if (dryRun) {
            Placeholders values = placeholders();
            List<ExecutedScript> planned = Plan.rollback(scripts, readHistory(), to, steps).stream()
                    .map(step ->
                            PlannedScript.of(step.script(), db.engine(), values).dryRun())
                    .toList();
            return new RollbackResult(true, planned, millisSince(start));
        }
        return locked(
                scripts,
                (c, history, runner) -> between(
                        c,
                        scripts,
                        MigrationEvent.BEFORE_ROLLBACK,
                        MigrationEvent.AFTER_ROLLBACK,
                        MigrationEvent.AFTER_ROLLBACK_ERROR,
                        () -> {
                            List<SplitStep> planned = split(Plan.rollback(scripts, history, to, steps));
                            listener.onStart(planned.size());
                            List<ExecutedScript> done = new ArrayList<>();
                            for (SplitStep step : planned) {
                                int undone = step.undoes().installedRank();
                                done.add(heard(runner.run(
                                        step.planned(),
                                        step.failed(),
                                        () -> table.setState(c, undone, MigrationState.UNDONE))));
                            }
                            return new RollbackResult(false, done, millisSince(start));
                        }));
    }

    /** Checks applied scripts against the files; see {@link ValidateResult#problems()}. */
    public ValidateResult validate(boolean outOfOrderAllowed) {
        ScriptSet scripts = scripts();
        Callbacks callbacks = callbacks(scripts);
        validateEvent(callbacks, MigrationEvent.BEFORE_VALIDATE);
        var result = new ValidateResult(
                Validation.all(scripts, readHistory(), outOfOrderAllowed || outOfOrder, lockHolder()));
        validateEvent(callbacks, MigrationEvent.AFTER_VALIDATE);
        return result;
    }

    /** A validate event on a connection of its own, taken only when there is something to run. */
    private void validateEvent(Callbacks callbacks, MigrationEvent event) {
        if (!callbacks.has(event)) {
            return; // a one-connection pool (in-memory SQLite) must stay free for the reads
        }
        try (Connection c = db.connection()) {
            callbacks.runAlone(c, engine, event);
        } catch (SQLException e) {
            throw SqlErrors.statement(db.dialect(), "Running the " + event.fileStem() + " callbacks", e);
        }
    }

    public StatusReport status() {
        return StatusReport.of(table.name(), scripts(), readHistory(), lockHolder());
    }

    /** Who is migrating right now, if anyone: read without taking the lock. */
    private java.util.Optional<String> lockHolder() {
        try (Connection c = db.connection()) {
            return engine.lockHolder(c, table.name());
        } catch (SQLException e) {
            throw SqlErrors.statement(db.dialect(), "Looking for a migration in progress on " + table.name(), e);
        }
    }

    /** Removes failed entries and realigns the checksums of applied files that were edited. */
    public RepairResult repair() {
        ScriptSet scripts = scripts();
        return locked(scripts, (c, history, runner) -> new RepairResult(Repair.apply(c, table, scripts, history)));
    }

    /** Marks a database that was never migrated by Flowbase as being at {@code version}. */
    public BaselineResult baseline(Version version) {
        return locked(scripts(), (c, history, runner) -> {
            if (history.highestApplied().isPresent()) {
                throw new FlowbaseException(
                        ErrorCode.REFUSED,
                        "Cannot baseline: " + table.name() + " already records version "
                                + history.highestApplied().get()
                                + "; baseline is only for a database Flowbase has not migrated yet");
            }
            runner.record(HistoryRow.baseline(version, installedBy()));
            return new BaselineResult(version.toString(), table.name());
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
        ScriptSet scripts = scripts();
        return locked(
                scripts,
                (c, history, runner) ->
                        FlywayAdoption.adopt(c, history, runner, engine, db, table.name(), scripts, source));
    }

    /**
     * Drops the history table, then every other table, view, sequence, routine and type of the
     * database (PostgreSQL: of the current schema), whichever migration made it. The caller asks
     * for confirmation and refuses production: this is the library's part.
     */
    public CleanResult clean() {
        return locked(
                scripts(),
                (c, history, runner) ->
                        new CleanResult(table.name(), Clean.dropAll(c, engine, table.quoted(), table.name())));
    }

    /** Writes the next versioned script and its undo in every engine folder of {@code directory}. */
    public static CreateResult create(String name, java.nio.file.Path directory) {
        return ScriptCreator.create(name, directory);
    }

    ScriptSet scripts() {
        List<Script> all = new ArrayList<>(location.read(db.engine()));
        for (JavaMigration m : javaMigrations) {
            all.add(Script.java(m, MigrationType.VERSIONED));
            if (m.canUndo()) {
                all.add(Script.java(m, MigrationType.UNDO));
            }
        }
        ScriptSet scripts = ScriptSet.of(all);
        // Not refused: the undo of an applied version whose file was removed can still roll it back.
        scripts.orphanUndo().forEach(u -> LOG.warn(Validation.orphanUndo(u)));
        return scripts;
    }

    private List<SplitStep> split(List<Plan.Step> steps) {
        // Every script is split before the first one runs: a file that cannot be split stops the run early.
        Placeholders values = placeholders();
        return steps.stream()
                .map(s -> new SplitStep(PlannedScript.of(s.script(), db.engine(), values), s.failed(), s.undoes()))
                .toList();
    }

    /** The configured values with this run's built-in ones. */
    private Placeholders placeholders() {
        return placeholders.withBuiltIns(db.facts().database(), installedBy(), table.name());
    }

    private Callbacks callbacks(ScriptSet scripts) {
        return new Callbacks(scripts.callbacks(), listener, db.engine(), placeholders());
    }

    private <T> T between(
            Connection c,
            ScriptSet scripts,
            MigrationEvent before,
            MigrationEvent after,
            MigrationEvent error,
            Callbacks.SqlCall<T> work)
            throws SQLException {
        return callbacks(scripts).around(c, engine, before, after, error, work);
    }

    private ExecutedScript heard(ExecutedScript script) {
        listener.onScript(script);
        return script;
    }

    private record SplitStep(PlannedScript planned, HistoryRow failed, HistoryRow undoes) {}

    private History readHistory() {
        try (Connection c = db.connection()) {
            return new History(table.read(c));
        } catch (SQLException e) {
            throw SqlErrors.statement(db.dialect(), "Reading migration history " + table.name(), e);
        }
    }

    @FunctionalInterface
    private interface LockedWork<T> {
        T run(Connection c, History history, ScriptRunner runner) throws SQLException;
    }

    /** Runs {@code work} on one dedicated connection holding the lock, with the history read under it. */
    private <T> T locked(ScriptSet scripts, LockedWork<T> work) {
        try (Connection c = db.connection()) {
            StatementLimit limit = db.dialect().liftStatementLimit(c); // a backfill may outlast the pool's limit
            MigrationLock lock;
            try {
                lock = engine.lock(c, table.name(), lockTimeout);
            } catch (SQLException | RuntimeException e) {
                limit.restore();
                throw e;
            }
            try {
                table.create(c);
                History history = new History(table.read(c));
                OwnHistory.require(scripts, history, table.name(), location);
                return work.run(
                        c,
                        history,
                        new ScriptRunner(
                                db.dialect(), engine, table, c, installedBy(), history.nextRank(), callbacks(scripts)));
            } finally {
                release(c, lock);
                limit.restore();
            }
        } catch (SQLException e) {
            throw SqlErrors.statement(db.dialect(), "Migrating " + location + " with history " + table.name(), e);
        }
    }

    private static void release(Connection c, MigrationLock lock) throws SQLException {
        if (!c.getAutoCommit()) {
            c.rollback(); // an unexpected failure left a transaction open: the unlock must not run inside it
            c.setAutoCommit(true);
        }
        lock.release();
    }

    private String installedBy() {
        String user = db.facts().user();
        return user == null || user.isBlank() ? System.getProperty("user.name", "unknown") : user;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
