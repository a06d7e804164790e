package dev.flowbase.queue;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Moves the children of a task that succeeded to ready, when it was the last parent they waited for. */
final class Dag {
    private Dag() {}

    static void releaseChildren(Handle h, List<UUID> parents, QueueSql sql) {
        // Two steps, not one UPDATE with a subquery on tasks: MariaDB refuses that (error 1093).
        List<UUID> waiting = h.createQuery("SELECT DISTINCT d.task_id FROM task_dependencies d JOIN tasks c"
                        + " ON c.id = d.task_id WHERE d.depends_on_task_id IN (<parents>) AND c.status = 'pending'")
                .bindList("parents", parents)
                .mapTo(UUID.class)
                .list();
        for (UUID child : waiting) {
            int unfinished = h.createQuery("SELECT COUNT(*) FROM task_dependencies d JOIN tasks p"
                            + " ON p.id = d.depends_on_task_id WHERE d.task_id = :child AND p.status <> 'succeeded'")
                    .bind("child", child)
                    .mapTo(Integer.class)
                    .one();
            if (unfinished == 0) {
                h.createUpdate("UPDATE tasks SET status = 'ready', lock_version = lock_version + 1, updated_at = "
                                + sql.now() + " WHERE id = :child AND status = 'pending'")
                        .bind("child", child)
                        .execute();
            }
        }
    }
}
