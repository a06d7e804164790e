package dev.flowbase.store;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Reading tasks and the dependencies between them: the reads our users' plans name, by those
 * names. Adding and moving tasks is the queue's ({@code dev.flowbase.queue.Queue}), the one
 * writer of a task's life.
 */
public final class TaskStore {
    private final Tx tx;

    TaskStore(Tx tx) {
        this.tx = tx;
    }

    /**
     * Checks a new task's references (its workflow, run, agent role and the tasks it waits for):
     * each must be in the task's organization, which must be the caller's ({@link Stores#within}).
     * What the queue asks before it adds the task, in its transaction.
     *
     * @throws NotFoundException naming the field, as if a row of another organization did not exist
     */
    public void requireReferences(NewTask task, Collection<UUID> dependsOn) {
        tx.read("Checking the references of task " + task.name(), h -> {
            Tenancy.requireTask(tx, h, task, dependsOn);
            return null;
        });
    }

    /** As {@link #requireReferences(NewTask, Collection)} for a batch without dependencies: each distinct reference read once. */
    public void requireReferences(List<NewTask> tasks) {
        tx.read("Checking the references of " + tasks.size() + " tasks", h -> {
            Tenancy.requireTasks(tx, h, tasks);
            return null;
        });
    }

    public Task get(UUID id) {
        return tx.read("Reading task " + id, h -> find(h, id)).orElseThrow(() -> new NotFoundException("task", id));
    }

    /**
     * The tasks among {@code ids} that are the caller's, by id, in one read: an id of no task, or
     * of another organization's, is absent, as {@link #get} would not find it.
     */
    public Map<UUID, Task> find(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return tx.read("Reading " + ids.size() + " tasks", h -> {
            Map<UUID, Task> found = new HashMap<>();
            // The organization is checked on the rows, not in the WHERE clause: given both, a planner
            // without fresh statistics (a queue just filled) scans the organization's whole index
            // instead of looking up the ids (12 ms instead of 1 for 100 of 20,000 tasks on PostgreSQL).
            h.createQuery("SELECT * FROM tasks WHERE id IN (<ids>)")
                    .bindList("ids", List.copyOf(new LinkedHashSet<>(ids)))
                    .map(tx.rows(Task.class))
                    .filter(t -> Tenancy.sees(tx, "tasks", t.organizationId()))
                    .forEach(t -> found.put(t.id(), t));
            return found;
        });
    }

    /** The organization's task enqueued in {@code queue} with this idempotency key, if any. */
    public Optional<Task> findByIdempotencyKey(UUID organizationId, String queue, String key) {
        return tx.read(
                "Reading a task by its idempotency key",
                h -> h.createQuery("SELECT * FROM tasks WHERE organization_id = :org AND queue_name = :queue"
                                + " AND idempotency_key = :key")
                        .bind("org", organizationId)
                        .bind("queue", queue)
                        .bind("key", key)
                        .map(tx.rows(Task.class))
                        .findOne());
    }

    /** Tasks matching the filter, oldest first, a page at a time. */
    public Page<Task> list(TaskFilter filter, PageRequest page) {
        String where = "organization_id = :org" + (filter.status() == null ? "" : " AND status = :status")
                + (filter.workflowId() == null ? "" : " AND workflow_id = :workflow")
                + (filter.queueName() == null ? "" : " AND queue_name = :queue");
        return tx.read(
                "Listing tasks",
                h -> Keyset.OLDEST_FIRST.fetch(
                        tx,
                        h,
                        "tasks",
                        where,
                        page,
                        Task.class,
                        q -> q.bind("org", filter.organizationId())
                                .bind("status", filter.status())
                                .bind("workflow", filter.workflowId())
                                .bind("queue", filter.queueName())));
    }

    /** The workflow's tasks that wait for nothing unfinished: pending or ready, every parent succeeded. */
    public List<Task> getRunnableTasks(UUID workflowId) {
        return tx.read(
                "Reading the runnable tasks of workflow " + workflowId,
                h -> h.createQuery(
                                "SELECT t.* FROM tasks t WHERE t.workflow_id = :workflow AND t.status IN (:pending, :ready)"
                                        + " AND NOT EXISTS (SELECT 1 FROM task_dependencies d JOIN tasks p"
                                        + " ON p.id = d.depends_on_task_id WHERE d.task_id = t.id AND p.status <> :succeeded)"
                                        + " ORDER BY t.priority DESC, t.execution_order, t.created_at, t.id")
                        .bind("workflow", workflowId)
                        .bind("pending", TaskStatus.PENDING)
                        .bind("ready", TaskStatus.READY)
                        .bind("succeeded", TaskStatus.SUCCEEDED)
                        .map(tx.rows(Task.class))
                        .list());
    }

    /** Counts of the workflow's tasks by state, and the share finished, from the workflow index (never the whole table). */
    public WorkflowProgress getWorkflowProgress(UUID workflowId) {
        return tx.read("Reading the progress of workflow " + workflowId, h -> {
            if (h.createQuery("SELECT COUNT(*) FROM workflows WHERE id = :id")
                            .bind("id", workflowId)
                            .mapTo(Integer.class)
                            .one()
                    == 0) {
                throw new NotFoundException("workflow", workflowId);
            }
            Map<TaskStatus, Long> counts = new EnumMap<>(TaskStatus.class);
            h.createQuery("SELECT status, COUNT(*) AS n FROM tasks WHERE workflow_id = :id GROUP BY status")
                    .bind("id", workflowId)
                    .map((rs, ctx) -> Map.entry(
                            TaskStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getLong("n")))
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            long done = counts.entrySet().stream()
                    .filter(e -> e.getKey().isFinished())
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            double percent = total == 0 ? 0 : Math.round(done * 1000.0 / total) / 10.0;
            return new WorkflowProgress(workflowId, total, counts, percent);
        });
    }

    /** The edges into {@code taskId}: what it waits for. */
    public List<TaskDependency> dependencies(UUID taskId) {
        return tx.read(
                "Reading the dependencies of task " + taskId,
                h -> h.createQuery("SELECT * FROM task_dependencies WHERE task_id = :id ORDER BY created_at, id")
                        .bind("id", taskId)
                        .map(tx.rows(TaskDependency.class))
                        .list());
    }

    private Optional<Task> find(Handle h, UUID id) {
        return Rows.byId(tx, h, "tasks", id, Task.class);
    }
}
