package dev.flowbase.store;

import dev.flowbase.util.Json;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Tasks and the dependencies between them: the operations our users' plans name, by those names. */
public final class TaskStore {
    private static final String[] COLUMNS = {
        "id",
        "organization_id",
        "workflow_id",
        "workflow_execution_id",
        "agent_role_id",
        "name",
        "description",
        "type",
        "status",
        "priority",
        "parameters",
        "environment",
        "execution_order",
        "max_retries",
        "timeout_seconds",
        "queue_name",
        "run_at",
        "idempotency_key",
        "pending_parents",
        "lock_version",
        "created_at",
        "updated_at"
    };

    private final Tx tx;
    private final String insert;

    TaskStore(Tx tx) {
        this.tx = tx;
        this.insert = Rows.insert(tx, "tasks", COLUMNS);
    }

    /**
     * Adds a task that waits for {@code dependsOn} (all must exist): {@code pending} while some of
     * them have not succeeded, {@code ready} when it waits for nothing, and {@code cancelled}
     * (skipped) at once when one of them is dead or cancelled, as its other descendants were.
     */
    public Task insertTask(NewTask task, Collection<UUID> dependsOn) {
        return tx.write("Inserting task " + task.name(), h -> {
            Tenancy.requireTask(tx, h, task, dependsOn);
            Instant now = tx.now();
            int waitingFor = 0;
            Task skippedBecause = null;
            for (UUID parent : new java.util.LinkedHashSet<>(dependsOn)) {
                Task p = find(h, parent).orElseThrow(() -> new NotFoundException("task", parent));
                waitingFor += p.status() == TaskStatus.SUCCEEDED ? 0 : 1;
                if (p.status() == TaskStatus.DEAD || p.status() == TaskStatus.CANCELLED) {
                    skippedBecause = p;
                }
            }
            TaskStatus status = skippedBecause != null
                    ? TaskStatus.CANCELLED
                    : waitingFor > 0 ? TaskStatus.PENDING : TaskStatus.READY;
            UUID id = tx.newId(now);
            bind(h.createUpdate(insert), task, id, status, now)
                    .bind("pendingParents", status == TaskStatus.PENDING ? waitingFor : 0)
                    .execute();
            if (skippedBecause != null) {
                h.createUpdate("UPDATE tasks SET error_message = :why, completed_at = :now WHERE id = :id")
                        .bind("why", Dag.reason(skippedBecause.id(), skippedBecause.status()))
                        .bind("now", now)
                        .bind("id", id)
                        .execute();
            } else if (status == TaskStatus.READY) {
                ReadySet.add(h, List.of(id));
            }
            RunCounters.record(h, List.of(new RunCounters.Move(task.workflowExecutionId(), null, status)), now);
            for (UUID parent : dependsOn) {
                h.createUpdate("INSERT INTO task_dependencies (id, task_id, depends_on_task_id, created_at)"
                                + " VALUES (:id, :task, :parent, :now)")
                        .bind("id", tx.newId(now))
                        .bind("task", id)
                        .bind("parent", parent)
                        .bind("now", now)
                        .execute();
            }
            Task created = find(h, id).orElseThrow();
            tx.auditor.record(h, now, created.organizationId(), "task.create", "task", id, null, created);
            return created;
        });
    }

    public Task insertTask(NewTask task) {
        return insertTask(task, List.of());
    }

    /**
     * Inserts many tasks without dependencies, ready to run, in one transaction; returns how many.
     * Uses the engine's bulk path where it has one ({@code COPY} on PostgreSQL), batches otherwise.
     */
    public int insertTasks(List<NewTask> tasks) {
        if (tasks.isEmpty()) {
            return 0;
        }
        return tx.write("Inserting " + tasks.size() + " tasks", h -> {
            Tenancy.requireTasks(tx, h, tasks);
            Instant now = tx.now();
            List<Object[]> rows = new java.util.ArrayList<>(tasks.size());
            for (NewTask t : tasks) {
                rows.add(row(t, tx.newId(now), now));
            }
            List<Object[]> ready = new java.util.ArrayList<>(tasks.size());
            List<RunCounters.Move> moves = new java.util.ArrayList<>();
            for (Object[] r : rows) {
                // The columns of ReadySet.COLUMNS, read from the task's own row.
                ready.add(new Object[] {r[0], r[15], r[9], r[16], 0});
            }
            for (NewTask t : tasks) {
                if (t.workflowExecutionId() != null) {
                    moves.add(new RunCounters.Move(t.workflowExecutionId(), null, TaskStatus.READY));
                }
            }
            try {
                var loader = tx.db.dialect().bulkLoader();
                int n = loader.load(h.getConnection(), "tasks", List.of(COLUMNS), rows);
                loader.load(h.getConnection(), "task_queue", ReadySet.COLUMNS, ready);
                RunCounters.record(h, moves, now);
                return n;
            } catch (java.sql.SQLException e) {
                // Classified and worded like every other failure by the transaction around it.
                throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
            }
        });
    }

    /** The values of {@link #COLUMNS} for a new ready task, for the bulk path. */
    private static Object[] row(NewTask t, UUID id, Instant now) {
        return new Object[] {
            id,
            t.organizationId(),
            t.workflowId(),
            t.workflowExecutionId(),
            t.agentRoleId(),
            t.name(),
            t.description(),
            t.type(),
            TaskStatus.READY,
            t.priority(),
            Checks.orDefault(t.parameters(), Json.emptyObject()),
            Json.emptyObject(),
            t.executionOrder(),
            t.maxRetries(),
            t.timeoutSeconds(),
            t.queueName(),
            Checks.orDefault(t.runAt(), now),
            t.idempotencyKey(),
            0,
            1,
            now,
            now
        };
    }

    public Task get(UUID id) {
        return tx.read("Reading task " + id, h -> find(h, id)).orElseThrow(() -> new NotFoundException("task", id));
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
                                "SELECT t.* FROM tasks t WHERE t.workflow_id = :workflow AND t.status IN ('pending', 'ready')"
                                        + " AND NOT EXISTS (SELECT 1 FROM task_dependencies d JOIN tasks p"
                                        + " ON p.id = d.depends_on_task_id WHERE d.task_id = t.id AND p.status <> 'succeeded')"
                                        + " ORDER BY t.priority DESC, t.execution_order, t.created_at, t.id")
                        .bind("workflow", workflowId)
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
                            TaskStatus.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
                            rs.getLong("n")))
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

    /**
     * Moves the task to {@code to}, if its life cycle allows it from where it is.
     *
     * @throws InvalidTransitionException naming both states when it does not
     */
    public Task updateTaskStatus(UUID id, TaskStatus to, TaskOutcome outcome) {
        return tx.write("Updating the status of task " + id, h -> {
            Task before = find(h, id).orElseThrow(() -> new NotFoundException("task", id));
            if (!before.status().canMoveTo(to)) {
                throw new InvalidTransitionException(
                        "task",
                        id,
                        before.status(),
                        to,
                        before.status().next().stream().map(Names::of).toList());
            }
            Instant now = tx.now();
            boolean requeue = to == TaskStatus.READY || to == TaskStatus.PENDING;
            int n = h.createUpdate("UPDATE tasks SET status = :to,"
                            + " started_at = CASE WHEN :running THEN :now ELSE started_at END,"
                            + " completed_at = CASE WHEN :finished THEN :now WHEN :requeue THEN NULL"
                            + " ELSE completed_at END,"
                            + " dead_lettered_at = CASE WHEN :dead THEN :now WHEN :requeue THEN NULL"
                            + " ELSE dead_lettered_at END,"
                            + " lease_owner = CASE WHEN :running THEN lease_owner ELSE NULL END,"
                            + " lease_expires_at = CASE WHEN :running THEN lease_expires_at ELSE NULL END,"
                            + " result = COALESCE(:result, result), output = COALESCE(:output, output),"
                            + " error_message = CASE WHEN :requeue THEN NULL ELSE COALESCE(:error, error_message) END,"
                            + " exit_code = COALESCE(:exitCode, exit_code),"
                            + " lock_version = lock_version + 1, updated_at = :now"
                            + " WHERE id = :id AND lock_version = :lockVersion")
                    .bind("to", to)
                    .bind("running", to == TaskStatus.RUNNING)
                    .bind("finished", to.isFinished())
                    .bind("dead", to == TaskStatus.DEAD)
                    .bind("requeue", requeue)
                    .bind("now", now)
                    .bindByType("result", outcome.result(), com.fasterxml.jackson.databind.JsonNode.class)
                    .bind("output", outcome.output())
                    .bind("error", outcome.errorMessage())
                    .bind("exitCode", outcome.exitCode())
                    .bind("id", id)
                    .bind("lockVersion", before.lockVersion())
                    .execute();
            Locking.requireUpdated(tx, h, n, "tasks", "task", id, before.lockVersion());
            if (to == TaskStatus.READY) {
                ReadySet.add(h, List.of(id));
            } else {
                ReadySet.remove(h, List.of(id));
            }
            RunCounters.record(
                    h, List.of(new RunCounters.Move(before.workflowExecutionId(), before.status(), to)), now);
            if (to == TaskStatus.SUCCEEDED) {
                Dag.succeeded(h, List.of(id), now);
            } else if (to == TaskStatus.DEAD || to == TaskStatus.CANCELLED) {
                Dag.skipDescendants(h, id, to, now);
            }
            Task after = find(h, id).orElseThrow();
            tx.auditor.record(h, now, after.organizationId(), "task.status", "task", id, before, after);
            return after;
        });
    }

    public Task updateTaskStatus(UUID id, TaskStatus to) {
        return updateTaskStatus(id, to, TaskOutcome.NONE);
    }

    /**
     * Puts a failed or dead-lettered task back in its queue, runnable now, with its retries restored.
     *
     * @throws InvalidTransitionException when the task has not failed
     */
    public Task requeueFailedTask(UUID id) {
        return tx.write("Requeueing task " + id, h -> {
            Task before = find(h, id).orElseThrow(() -> new NotFoundException("task", id));
            if (before.status() != TaskStatus.FAILED && before.status() != TaskStatus.DEAD) {
                throw new InvalidTransitionException("task " + id + " cannot be requeued from "
                        + Names.of(before.status()) + ": only failed and dead tasks are requeued");
            }
            // Restored before the move, so the ready row is made from the run time it will have.
            h.createUpdate("UPDATE tasks SET retry_count = 0, run_at = :now WHERE id = :id")
                    .bind("now", tx.now())
                    .bind("id", id)
                    .execute();
            return updateTaskStatus(id, TaskStatus.READY);
        });
    }

    /**
     * Saves the editable fields (description, priority, parameters, retries, time limit, run time),
     * if nobody changed the task since {@code changed} was read.
     *
     * @throws ConflictException when its lock_version is no longer {@code changed.lockVersion()}
     */
    public Task update(Task changed) {
        return tx.write("Updating task " + changed.id(), h -> {
            Task before = find(h, changed.id()).orElseThrow(() -> new NotFoundException("task", changed.id()));
            Instant now = tx.now();
            int n = h.createUpdate("UPDATE tasks SET description = :description, priority = :priority,"
                            + " parameters = :parameters, max_retries = :maxRetries, timeout_seconds = :timeoutSeconds,"
                            + " run_at = :runAt, lock_version = lock_version + 1, updated_at = :now"
                            + " WHERE id = :id AND lock_version = :lockVersion")
                    .bindMethods(changed)
                    .bind("now", now)
                    .execute();
            Locking.requireUpdated(tx, h, n, "tasks", "task", changed.id(), changed.lockVersion());
            ReadySet.reschedule(h, changed.id());
            Task after = find(h, changed.id()).orElseThrow();
            tx.auditor.record(h, now, after.organizationId(), "task.update", "task", after.id(), before, after);
            return after;
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

    private static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bind(
            S statement, NewTask t, UUID id, TaskStatus status, Instant now) {
        return statement
                .bind("id", id)
                .bind("organizationId", t.organizationId())
                .bind("workflowId", t.workflowId())
                .bind("workflowExecutionId", t.workflowExecutionId())
                .bind("agentRoleId", t.agentRoleId())
                .bind("name", t.name())
                .bind("description", t.description())
                .bind("type", t.type())
                .bind("status", status)
                .bind("priority", t.priority())
                .bindByType(
                        "parameters",
                        Checks.orDefault(t.parameters(), Json.emptyObject()),
                        com.fasterxml.jackson.databind.JsonNode.class)
                .bindByType("environment", Json.emptyObject(), com.fasterxml.jackson.databind.JsonNode.class)
                .bind("executionOrder", t.executionOrder())
                .bind("maxRetries", t.maxRetries())
                .bind("timeoutSeconds", t.timeoutSeconds())
                .bind("queueName", t.queueName())
                .bind("runAt", Checks.orDefault(t.runAt(), now))
                .bind("idempotencyKey", t.idempotencyKey())
                .bind("pendingParents", 0)
                .bind("lockVersion", 1)
                .bind("createdAt", now)
                .bind("updatedAt", now);
    }
}
