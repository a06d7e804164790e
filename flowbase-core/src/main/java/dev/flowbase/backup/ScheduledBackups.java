package dev.flowbase.backup;

import dev.flowbase.db.Database;
import dev.flowbase.store.Stores;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backups {@code serve} runs on a {@link BackupSchedule}. The time of the last scheduled backup is
 * read from the audit log ({@link BackupRuns}), so a restarted server or a new leader keeps the
 * rhythm instead of starting over; a lock file in the directory keeps two processes of one machine
 * (SQLite's servers, which all lead) from writing the same backup twice.
 */
public final class ScheduledBackups {
    /** The file name start of scheduled archives: the retention rule deletes only these. */
    public static final String PREFIX = "scheduled-";

    static final String LOCK = ".flowbase-backup.lock";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledBackups.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Database db;
    private final Stores stores;
    private final BackupSchedule schedule;
    private final InstantSource clock;
    private final BackupRuns runs;
    private final AtomicReference<BackupStatus.Running> running = new AtomicReference<>();

    /** {@code stores}: opened {@code as} the actor the audit log names for scheduled backups. */
    public ScheduledBackups(
            Database db, Stores stores, BackupSchedule schedule, InstantSource clock, BackupListener listener) {
        this.db = db;
        this.stores = stores;
        this.schedule = schedule;
        this.clock = clock;
        this.runs = new BackupRuns(stores, listener);
    }

    public BackupSchedule schedule() {
        return schedule;
    }

    /** The schedule now: the backup running in this process (if any), the last scheduled one, and the next's time. */
    public BackupStatus status() {
        Optional<BackupRun> last = BackupRuns.lastScheduled(stores);
        Instant next = schedule.nextAfter(last.map(BackupRun::startedAt).orElse(null), clock.instant());
        return new BackupStatus(schedule, running.get(), last.orElse(null), next);
    }

    /** Writes a backup when one is due (and no other process of this machine writes one); returns it. */
    public Optional<BackupRun> runIfDue() {
        if (!due()) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(schedule.directory());
        } catch (IOException e) {
            Instant now = clock.instant();
            BackupRun failed = BackupRun.failed(
                    "create",
                    "scheduled",
                    schedule.directory().toString(),
                    now,
                    0,
                    "cannot create the directory: " + e);
            runs.record(failed);
            return Optional.of(failed);
        }
        try (FileChannel lockFile = FileChannel.open(
                        schedule.directory().resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockFile.tryLock()) {
            // Due again under the lock: another process may have just finished the same backup.
            return lock == null || !due() ? Optional.empty() : Optional.of(run());
        } catch (IOException | OverlappingFileLockException e) {
            LOG.warn("scheduled backup skipped: cannot lock {}: {}", schedule.directory(), e.getMessage());
            return Optional.empty();
        }
    }

    private boolean due() {
        Instant now = clock.instant();
        Instant last =
                BackupRuns.lastScheduled(stores).map(BackupRun::startedAt).orElse(null);
        return !schedule.nextAfter(last, now).isAfter(now);
    }

    private BackupRun run() {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        Path file =
                schedule.directory().resolve(PREFIX + db.engine().id() + "-" + STAMP.format(started) + Backups.SUFFIX);
        running.set(new BackupStatus.Running(file.toString(), started, null, 0, -1, 0));
        BackupRun run;
        try {
            Manifest m = Backups.create(db, file, schedule.options(), clock, tracker(file, started));
            run = BackupRun.succeeded(
                    "create", "scheduled", file.toString(), started, millis(t0), Files.size(file), m.totalRows());
        } catch (RuntimeException | IOException e) {
            run = BackupRun.failed("create", "scheduled", file.toString(), started, millis(t0), e.getMessage());
        } finally {
            running.set(null);
        }
        runs.record(run);
        if (run.succeeded()) {
            prune();
        } else {
            LOG.warn("scheduled backup to {} failed: {}", file, run.error());
        }
        return run;
    }

    /** Deletes the scheduled archives the retention rule no longer keeps; a failure here is logged. */
    private void prune() {
        List<ArchiveListing> ours = Backups.list(schedule.directory()).stream()
                .filter(a -> a.scheduled() && !a.writing())
                .toList();
        for (ArchiveListing old : schedule.retention().expired(ours, clock.instant())) {
            try {
                Files.deleteIfExists(old.file());
                LOG.info("backup retention ({}): deleted {}", schedule.retention(), old.file());
            } catch (IOException e) {
                LOG.warn("backup retention could not delete {}: {}", old.file(), e.getMessage());
            }
        }
    }

    private BackupProgress tracker(Path file, Instant started) {
        return new BackupProgress() {
            private long total = -1;

            @Override
            public void phase(String name, long totalRows) {
                total = totalRows;
            }

            @Override
            public void advanced(String table, long rows, long bytes) {
                running.set(new BackupStatus.Running(file.toString(), started, table, rows, total, bytes));
            }
        };
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
