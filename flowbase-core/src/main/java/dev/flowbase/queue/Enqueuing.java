package dev.flowbase.queue;

import dev.flowbase.db.Database;
import dev.flowbase.store.ConstraintViolationException;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.store.Task;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Adding tasks: one (with its parents and an idempotency key) or many in bulk, and then the
 * wake-ups, on commit for other processes (PostgreSQL NOTIFY) and at once for this one's workers.
 */
final class Enqueuing {
    private final Database db;
    private final Stores stores;
    private final QueueSql sql;
    private final Wakeups wakeups;

    Enqueuing(Database db, Stores stores, QueueSql sql, Wakeups wakeups) {
        this.db = db;
        this.stores = stores;
        this.sql = sql;
        this.wakeups = wakeups;
    }

    /**
     * Adds a task, runnable when {@code dependsOn} have all succeeded. Inside the caller's
     * {@link Stores#executeTransaction} it is part of that transaction. With an idempotency key
     * its organization already used in its queue, the existing task is returned and nothing is added.
     */
    Task enqueue(NewTask task, Collection<UUID> dependsOn) {
        if (task.idempotencyKey() != null) {
            var existing =
                    stores.tasks().findByIdempotencyKey(task.organizationId(), task.queueName(), task.idempotencyKey());
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        try {
            Task added = db.inTransaction("Enqueueing " + task.name(), h -> {
                Task t = stores.tasks().insertTask(task, dependsOn);
                notifyOthers(h, List.of(task.queueName()));
                return t;
            });
            wakeups.wake(task.queueName());
            return added;
        } catch (ConstraintViolationException e) {
            // Another producer enqueued the same key in between: theirs stands.
            if (task.idempotencyKey() != null && "uq_tasks_organization_queue_idempotency_key".equals(e.constraint())) {
                return stores.tasks()
                        .findByIdempotencyKey(task.organizationId(), task.queueName(), task.idempotencyKey())
                        .orElseThrow(() -> e);
            }
            throw e;
        }
    }

    /** Adds many tasks without dependencies in one transaction (COPY on PostgreSQL); returns how many. */
    int enqueueAll(List<NewTask> tasks) {
        List<String> queues = tasks.stream().map(NewTask::queueName).distinct().toList();
        int added = db.inTransaction("Enqueueing " + tasks.size() + " tasks", h -> {
            int n = stores.tasks().insertTasks(tasks);
            notifyOthers(h, queues);
            return n;
        });
        queues.forEach(wakeups::wake);
        return added;
    }

    /** Tells workers in other processes, on commit, where the engine can (PostgreSQL NOTIFY). */
    private void notifyOthers(Handle h, List<String> queues) {
        sql.notifySql()
                .ifPresent(statement -> queues.forEach(q -> h.createQuery(statement)
                        .bind("queue", q)
                        .mapTo(String.class)
                        .findFirst()));
    }
}
