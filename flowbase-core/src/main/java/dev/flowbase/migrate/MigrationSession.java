package dev.flowbase.migrate;

import dev.flowbase.db.Database;
import dev.flowbase.db.SqlErrors;
import dev.flowbase.db.StatementLimit;
import dev.flowbase.migrate.EngineSupport.MigrationLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a {@link Migrator}'s operations run: the scripts it reads, the history it compares them
 * with, and the one connection holding the lock on which everything that changes the database
 * runs. The migrator decides what to run; this class gives it the place to run it.
 */
final class MigrationSession {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationSession.class);

    final Database db;
    final MigrationLocation location;
    final HistoryTable table;
    final EngineSupport engine;
    final Duration lockTimeout;
    final MigrationListener listener;
    private final Placeholders placeholders;
    private final List<JavaMigration> javaMigrations;

    MigrationSession(MigratorBuilder b, Database db) {
        this.db = db;
        this.location = b.location;
        this.engine = EngineSupport.forEngine(db.engine());
        this.table = new HistoryTable(b.table, db.dialect(), engine);
        this.lockTimeout = b.lockTimeout;
        this.listener = b.listener;
        this.placeholders = b.placeholders;
        this.javaMigrations = List.copyOf(b.javaMigrations);
    }

    /** A step of a plan, its script split into statements before anything runs. */
    record SplitStep(PlannedScript planned, HistoryRow failed, HistoryRow undoes) {}

    @FunctionalInterface
    interface LockedWork<T> {
        T run(Connection c, History history, ScriptRunner runner) throws SQLException;
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

    List<SplitStep> split(List<Plan.Step> steps) {
        // Every script is split before the first one runs: a file that cannot be split stops the run early.
        Placeholders values = placeholders();
        return steps.stream()
                .map(s -> new SplitStep(PlannedScript.of(s.script(), db.engine(), values), s.failed(), s.undoes()))
                .toList();
    }

    /** What a dry run reports: each step's statements, run nowhere. */
    List<ExecutedScript> dryRun(List<Plan.Step> steps) {
        Placeholders values = placeholders();
        return steps.stream()
                .map(step ->
                        PlannedScript.of(step.script(), db.engine(), values).dryRun())
                .toList();
    }

    /** The configured values with this run's built-in ones. */
    private Placeholders placeholders() {
        return placeholders.withBuiltIns(db.facts().database(), installedBy(), table.name());
    }

    Callbacks callbacks(ScriptSet scripts) {
        return new Callbacks(scripts.callbacks(), listener, db.engine(), placeholders());
    }

    <T> T between(
            Connection c,
            ScriptSet scripts,
            MigrationEvent before,
            MigrationEvent after,
            MigrationEvent error,
            Callbacks.SqlCall<T> work)
            throws SQLException {
        return callbacks(scripts).around(c, engine, before, after, error, work);
    }

    ExecutedScript heard(ExecutedScript script) {
        listener.onScript(script);
        return script;
    }

    History readHistory() {
        try (Connection c = db.connection()) {
            return new History(table.read(c));
        } catch (SQLException e) {
            throw SqlErrors.statement(db.dialect(), "Reading migration history " + table.name(), e);
        }
    }

    /** Who is migrating right now, if anyone: read without taking the lock. */
    Optional<String> lockHolder() {
        try (Connection c = db.connection()) {
            return engine.lockHolder(c, table.name());
        } catch (SQLException e) {
            throw SqlErrors.statement(db.dialect(), "Looking for a migration in progress on " + table.name(), e);
        }
    }

    /**
     * Runs {@code work} on one dedicated connection holding the lock, with the history read under it:
     * a session of its own ({@code DB_DIRECT_URL} past pgbouncer), as the lock and the lifted
     * statement limit belong to the session.
     */
    <T> T locked(ScriptSet scripts, LockedWork<T> work) {
        try (Connection c = db.sessionConnection()) {
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

    String installedBy() {
        String user = db.facts().user();
        return user == null || user.isBlank() ? System.getProperty("user.name", "unknown") : user;
    }
}
