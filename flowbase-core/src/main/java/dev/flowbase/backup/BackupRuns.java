package dev.flowbase.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.flowbase.store.AuditEntry;
import dev.flowbase.store.PageRequest;
import dev.flowbase.store.Stores;
import dev.flowbase.util.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
