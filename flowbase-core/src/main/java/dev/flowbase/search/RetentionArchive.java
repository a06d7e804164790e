package dev.flowbase.search;

import dev.flowbase.backup.BackupOptions;
import dev.flowbase.backup.BackupProgress;
import dev.flowbase.backup.Backups;
import dev.flowbase.backup.Manifest;
import dev.flowbase.backup.RowSelection;
import dev.flowbase.db.Database;
import dev.flowbase.queue.TaskRetention;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code db clean --archive}: the rows a policy would delete, and the rows their deletes would take
 * with them (a task's attempts, dependencies and queue row; a run's tasks and attempts), are first
 * written from one snapshot to an archive in the backup format, read back and verified, and only
 * then deleted, by the ids the archive holds, in batches as {@link Retention} does. A run killed
 * before the archive is complete has deleted nothing; one killed while deleting leaves a complete
 * archive, and the next run archives (again) what is left: a row may be in two archives, none is
 * deleted without being in one.
 */
public final class RetentionArchive {
    /** What one table gave: rows archived, rows deleted (not counting those a cascade took), a failure. */
    public record TableRows(String table, long archived, long deleted, String failure) {}

    /** The archive written and, per table, what it holds and what was deleted. */
    public record Result(Path file, String archiveId, List<TableRows> tables) {
        public Result {
            tables = List.copyOf(tables);
        }

        public boolean failed() {
            return tables.stream().anyMatch(t -> t.failure() != null);
        }
    }

    private final Database db;
    private final InstantSource clock;
    private final int batchSize;

    public RetentionArchive(Database db, InstantSource clock, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        this.db = db;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Archives to {@code out} (which must not exist), verifies it, then deletes what it holds. */
    public Result run(
            RetentionPolicy policy,
            Path out,
            BackupOptions options,
            BackupProgress archiving,
            Retention.Progress deleting) {
        ArchivePlan plan = ArchivePlan.of(policy, clock.instant());
        List<RowSelection> selections = new ArrayList<>();
        plan.selections()
                .forEach((table, where) -> selections.add(new RowSelection(table, where.sql(), where.params())));
        Manifest written = Backups.archiveRows(db, out, options, selections, clock, archiving);
        Backups.verify(out, options.key(), BackupProgress.NONE);
        Map<String, Deleting> tables = new LinkedHashMap<>();
        written.tables()
                .forEach(t -> tables.put(
                        t.name(),
                        new Deleting(t.name(), t.rows(), plan.deletes().get(t.name()))));
        Backups.readRows(out, options.key(), (spec, row) -> {
            Deleting table = tables.get(spec.name());
            if (table.where != null || table.name.equals("tasks")) {
                table.add((UUID) row[spec.columnNames().indexOf("id")], deleting);
            }
        });
        List<TableRows> result = new ArrayList<>();
        for (Deleting t : tables.values()) {
            t.flush(deleting);
            result.add(new TableRows(t.name, t.archived, t.deleted, t.failure));
        }
        return new Result(out, written.archiveId(), result);
    }

    /** One table's deletes: ids gathered into batches, each deleted in its own transaction. */
    private final class Deleting {
        private final String name;
        private final long archived;
        private final RetentionSql where;
        private final List<UUID> batch = new ArrayList<>();
        private long deleted;
        private String failure;

        Deleting(String name, long archived, RetentionSql where) {
            this.name = name;
            this.archived = archived;
            this.where = where;
        }

        void add(UUID id, Retention.Progress progress) {
            batch.add(id);
            if (batch.size() >= batchSize) {
                flush(progress);
            }
        }

        void flush(Retention.Progress progress) {
            if (batch.isEmpty() || failure != null) {
                batch.clear();
                return;
            }
            List<UUID> ids = List.copyOf(batch);
            batch.clear();
            try {
                int n = db.inTransaction("retention: deleting archived rows from " + name, h -> {
                    if (name.equals("tasks")) {
                        return TaskRetention.deleteFinished(h, ids);
                    }
                    RetentionTarget target = RetentionTarget.named(name).orElseThrow();
                    if (target == RetentionTarget.WORKFLOW_EXECUTIONS) {
                        TaskRetention.deleteFinishedOfRuns(h, ids);
                    }
                    var update = h.createUpdate(target.delete() + " WHERE id IN ("
                            + String.join(", ", ids.stream().map(i -> "?").toList()) + ") AND (" + where.sql() + ")");
                    int i = 0;
                    for (UUID id : ids) {
                        update.bind(i++, id);
                    }
                    for (Object p : where.params()) {
                        update.bind(i++, p);
                    }
                    return update.execute();
                });
                deleted += n;
                if (n > 0) {
                    progress.batch(name, n, deleted);
                }
            } catch (RuntimeException e) {
                failure = e.getMessage();
            }
        }
    }
}
