package dev.flowbase.server.backup;

import dev.flowbase.backup.BackupListener;
import dev.flowbase.backup.BackupSchedule;
import dev.flowbase.backup.BackupStatus;
import dev.flowbase.backup.ScheduledBackups;
import dev.flowbase.db.Database;
import dev.flowbase.engine.EngineKit;
import dev.flowbase.queue.Leadership;
import dev.flowbase.queue.QueueSql;
import dev.flowbase.store.Actor;
import dev.flowbase.store.Stores;
import dev.flowbase.util.Every;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Runs the backup schedule on the one server that leads the {@code backup} duty: every minute it
 * asks whether a backup is due (from the audit log, so a new leader keeps the rhythm) and writes it.
 * The servers that do not lead still answer {@link #status()} for the admin page.
 */
public final class BackupDuty implements AutoCloseable {
    /** How often the leader asks whether a backup is due: the schedule is kept to within this. */
    static final Duration TICK = Duration.ofMinutes(1);

    private final Optional<ScheduledBackups> backups;
    private final AutoCloseable stop;

    private BackupDuty(Optional<ScheduledBackups> backups, AutoCloseable stop) {
        this.backups = backups;
        this.stop = stop;
    }

    /** Starts the schedule; without one, a duty that does nothing and has no status. */
    public static BackupDuty start(
            Database db, Optional<BackupSchedule> schedule, BooleanSupplier schemaReady, BackupListener listener) {
        if (schedule.isEmpty()) {
            return new BackupDuty(Optional.empty(), () -> {});
        }
        Stores stores = Stores.create(db).as(Actor.system("backup schedule"));
        ScheduledBackups backups = new ScheduledBackups(db, stores, schedule.get(), InstantSource.system(), listener);
        Leadership leadership = EngineKit.of(db.engine()).part(QueueSql.class).leadership(db, "backup");
        Every every = Every.start("flowbase-backup", TICK, TICK, () -> {
            if (schemaReady.getAsBoolean() && leadership.lead()) {
                backups.runIfDue();
            }
        });
        return new BackupDuty(Optional.of(backups), () -> {
            every.close();
            leadership.close();
        });
    }

    /** The schedule's state now, or empty without a schedule. */
    public Optional<BackupStatus> status() {
        return backups.map(ScheduledBackups::status);
    }

    /** Stops the timer (waiting for a backup in flight up to ten seconds) and gives the lead up. */
    public void stop() {
        try {
            stop.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
