package dev.flowbase.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.flowbase.db.Database;
import dev.flowbase.store.AuditEntry;
import dev.flowbase.store.PageRequest;
import dev.flowbase.store.Stores;
import dev.flowbase.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of backups and restores, kept in the audit log (action {@code backup.create} or
 * {@code backup.restore}, entity type {@code backup}, the archive's file name as the entity, the
 * {@link BackupRun} as the entry's after-data) so every server and the admin page read the same
 * history, and a new leader knows when the last scheduled backup ran.
 */
public final class BackupRuns {
    public static final String ENTITY = "backup";
    private static final Logger LOG = LoggerFactory.getLogger(BackupRuns.class);

    private final Stores auditing;
    private final BackupListener listener;

    /** {@code auditing}: stores opened {@code as} the actor who runs the backups. */
    public BackupRuns(Stores auditing, BackupListener listener) {
        this.auditing = Objects.requireNonNull(auditing, "auditing");
        this.listener = listener == null ? BackupListener.NONE : listener;
    }

    /**
     * Audits {@code run} and tells the listener. A database that cannot take the audit row (it may be
     * the reason the run failed) is logged, never thrown: the run's own outcome is what the caller reports.
     */
    public void record(BackupRun run) {
        listener.ended(run);
        try {
            auditing.audit().record(null, "backup." + run.kind(), ENTITY, fileName(run.file()), null, run);
        } catch (RuntimeException e) {
            LOG.warn("could not audit the {} of {}: {}", run.kind(), run.file(), e.getMessage());
        }
    }

    /** {@link Backups#create}, audited and heard as a run of {@code trigger}, succeeded or failed. */
    public Manifest create(
            Database db,
            Path file,
            BackupOptions options,
            InstantSource clock,
            BackupProgress progress,
            String trigger) {
        return audited(
                "create", trigger, file, () -> Backups.create(db, file, options, clock, progress), Manifest::totalRows);
    }

    /** {@link Backups#createNative}, audited and heard as a run of {@code trigger}, succeeded or failed. */
    public NativeManifest createNative(
            Database db, Path file, InstantSource clock, BackupProgress progress, String trigger) {
        return audited(
                "create",
                trigger,
                file,
                () -> Backups.createNative(db, file, clock, progress),
                NativeManifest::totalRows);
    }

    /** {@link Backups#restore}, audited in the target (after it commits) as a run of {@code trigger}. */
    public RestoreReport restore(
            Path file, Database target, RestoreOptions options, BackupProgress progress, String trigger) {
        return audited(
                "restore",
                trigger,
                file,
                () -> Backups.restore(file, target, options, progress),
                r -> r.manifest().totalRows());
    }

    private <T> T audited(String kind, String trigger, Path file, Supplier<T> work, ToLongFunction<T> rows) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        try {
            T done = work.get();
            record(BackupRun.succeeded(
                    kind, trigger, file.toString(), started, millis(t0), size(file), rows.applyAsLong(done)));
            return done;
        } catch (RuntimeException e) {
            BackupRun failed = BackupRun.failed(kind, trigger, file.toString(), started, millis(t0), e.getMessage());
            if (kind.equals("restore")) {
                // A failed restore leaves the target untouched: an audit row there would be Flowbase data
                // that refuses the next attempt. It is counted, and the caller reports the error.
                listener.ended(failed);
            } else {
                record(failed);
            }
            throw e;
        }
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** The newest {@code limit} runs, newest first, each with the actor the audit log names. */
    public static List<BackupRun> recent(Stores stores, int limit) {
        return stores.audit().forEntity(ENTITY, null, PageRequest.first(limit)).items().stream()
                .map(BackupRuns::run)
                .flatMap(Optional::stream)
                .toList();
    }

    /** The newest scheduled backup among the last hundred runs. */
    public static Optional<BackupRun> lastScheduled(Stores stores) {
        return recent(stores, 100).stream()
                .filter(r -> r.kind().equals("create") && r.trigger().equals("scheduled"))
                .findFirst();
    }

    private static Optional<BackupRun> run(AuditEntry e) {
        if (e.afterData() == null) {
            return Optional.empty();
        }
        try {
            BackupRun r = Json.MAPPER.treeToValue(e.afterData(), BackupRun.class);
            return Optional.of(new BackupRun(
                    r.kind(),
                    r.trigger(),
                    e.actorLabel(),
                    r.file(),
                    r.startedAt(),
                    r.millis(),
                    r.outcome(),
                    r.bytes(),
                    r.rows(),
                    r.error()));
        } catch (JsonProcessingException | IllegalArgumentException ex) {
            return Optional.empty(); // an entry another version wrote differently: not a run this one reads
        }
    }

    private static String fileName(String file) {
        Path name = file == null ? null : Path.of(file).getFileName();
        return name == null ? file : name.toString();
    }
}
