package dev.flowbase.queue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The rows of {@code task_queue}, the narrow table the queue claims from: one per ready task and
 * per task running under a lease. Whatever moves a task into or out of {@code ready} keeps this
 * table in step in the same transaction; the queue's own claim, lease and completion write it
 * directly.
 */
final class ReadySet {
    /** The columns a ready row is created with, in order: for engines' bulk loaders. */
    static final List<String> COLUMNS = List.of("task_id", "queue_name", "priority", "run_at", "attempt");

    /** Enough ids per statement to be quick, few enough for every engine's limit on bound values. */
    private static final int CHUNK = 500;

    private ReadySet() {}

    /** Makes these tasks claimable as they are now in {@code tasks} (any lease they had is gone). */
    static void add(Handle h, Collection<UUID> taskIds) {
        remove(h, taskIds);
        for (List<UUID> ids : chunks(taskIds)) {
            h.createUpdate("INSERT INTO task_queue (task_id, queue_name, priority, run_at, attempt)"
                            + " SELECT id, queue_name, priority, run_at, attempt FROM tasks WHERE id IN (<ids>)")
                    .bindList("ids", ids)
                    .execute();
        }
    }

    /** Takes these tasks out of the queue: no worker can claim them, and a lease on them is void. */
    static void remove(Handle h, Collection<UUID> taskIds) {
        for (List<UUID> ids : chunks(taskIds)) {
            h.createUpdate("DELETE FROM task_queue WHERE task_id IN (<ids>)")
                    .bindList("ids", ids)
                    .execute();
        }
    }

    /** Follows a change of a ready task's priority or run time, so the claim orders it right. */
    static void reschedule(Handle h, UUID taskId) {
        h.createUpdate("UPDATE task_queue SET priority = (SELECT t.priority FROM tasks t WHERE t.id = :id),"
                        + " run_at = (SELECT t.run_at FROM tasks t WHERE t.id = :id) WHERE task_id = :id")
                .bind("id", taskId)
                .execute();
    }

    static List<List<UUID>> chunks(Collection<UUID> ids) {
        List<UUID> all = List.copyOf(ids);
        List<List<UUID>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return out;
    }
}
