package dev.flowbase.queue;

import dev.flowbase.db.Database;
import dev.flowbase.engine.EngineKit;
import dev.flowbase.store.ConstraintViolationException;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.NotFoundException;
import dev.flowbase.store.Stores;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The durable task queue. Delivery is at least once, completion exactly once: a claim is a lease
 * fenced by the attempt number, a lease that expires is reaped and the task claimed again, and a
 * late report from the attempt that lost it is refused ({@link StaleLeaseException}).
 *
 * <pre>{@code
 * Queue queue = Queue.create(database);
 * queue.enqueue(NewTask.named(org, "summarise").inQueue("llm"));
 * for (Lease lease : queue.claim("llm", 10, "worker-1", Duration.ofSeconds(60))) {
 *     queue.complete(lease, TaskOutcome.result(run(lease.task())));
 * }
 * }</pre>
 */
public final class Queue {
    private final Database db;
    private final Stores stores;
    private final QueueSql sql;
    private final Backoff backoff;
    private final Attempts attempts;
    private final Wakeups wakeups;

    private Queue(Database db, Stores stores, Backoff backoff) {
        this(db, stores, backoff, Wakeups.of(db));
    }

    private Queue(Database db, Stores stores, Backoff backoff, Wakeups wakeups) {
        this.db = db;
        this.stores = stores;
        this.sql = EngineKit.of(db.engine()).part(QueueSql.class);
        this.backoff = backoff;
        this.attempts = new Attempts(db, stores);
        this.wakeups = wakeups;
    }

    public static Queue create(Database db) {
        return new Queue(db, Stores.create(db), Backoff.DEFAULT);
    }

    /** The same queue writing through {@code stores} (their clock stamps attempts; their actor audits). */
    public Queue withStores(Stores newStores) {
        return new Queue(db, newStores, backoff, wakeups);
    }

    public Queue withBackoff(Backoff newBackoff) {
        return new Queue(db, stores, newBackoff, wakeups);
    }

    /**
     * Adds a task, runnable when {@code dependsOn} have all succeeded. Inside the caller's
     * {@link Stores#executeTransaction} it is part of that transaction. With an idempotency key
     * already used in its queue, the existing task is returned and nothing is added.
     */
    public Task enqueue(NewTask task, Collection<UUID> dependsOn) {
        if (task.idempotencyKey() != null) {
            var existing = stores.tasks().findByIdempotencyKey(task.queueName(), task.idempotencyKey());
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
            if (task.idempotencyKey() != null && "uq_tasks_queue_idempotency_key".equals(e.constraint())) {
                return stores.tasks()
                        .findByIdempotencyKey(task.queueName(), task.idempotencyKey())
                        .orElseThrow(() -> e);
            }
            throw e;
        }
    }

    public Task enqueue(NewTask task) {
        return enqueue(task, List.of());
    }

    /** Adds many tasks without dependencies in one transaction (COPY on PostgreSQL); returns how many. */
    public int enqueueAll(List<NewTask> tasks) {
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

    /** The lead of {@code duty} among the processes on this database (the reaper runs under it). */
    public Leadership leadership(String duty) {
        return sql.leadership(db, duty);
    }

    /** Hears enqueues of other processes (where the engine tells) and wakes this process's workers. */
    AutoCloseable listenToOthers() {
        return sql.listen(db, wakeups::wake);
    }

    /** The signal that wakes this process's workers of {@code queue} when a task is enqueued here. */
    Signal signal(String queue) {
        return wakeups.of(queue);
    }

    /**
     * Gives a task back to its queue without counting a failure, for a worker that stops before
     * the task is done: ready again at once, the attempt recorded as cancelled.
     */
    public void release(Lease lease) {
        db.inTransaction("Releasing task " + lease.taskId(), h -> {
            int n = h.createUpdate("UPDATE tasks SET status = 'ready', lease_owner = NULL, lease_expires_at = NULL,"
                            + " lock_version = lock_version + 1, updated_at = " + sql.now()
                            + " WHERE id = :id AND attempt = :attempt AND status = 'running'")
                    .bind("id", lease.taskId())
                    .bind("attempt", lease.attempt())
                    .execute();
            if (n == 1) {
                attempts.finish(
                        h, lease, "cancelled", TaskOutcome.error("the worker stopped before the task was done"));
            }
            return null;
        });
        wakeups.wake(lease.task().queueName());
    }

    /**
     * Claims up to {@code max} ready tasks of {@code queue} for {@code worker}, for {@code lease}
     * by the database's clock, without waiting on tasks other workers are claiming. Each claim
     * starts an attempt, recorded in {@code task_executions}.
     */
    public List<Lease> claim(String queue, int max, String worker, Duration lease) {
        return db.inTransaction("Claiming tasks of queue " + queue, h -> {
            List<QueueSql.Claimed> claimed = sql.claim(h, queue, max, worker, lease);
            if (claimed.isEmpty()) {
                return List.of();
            }
            Map<UUID, Task> tasks = h
                    .createQuery("SELECT * FROM tasks WHERE id IN (<ids>)")
                    .bindList(
                            "ids",
                            claimed.stream().map(QueueSql.Claimed::taskId).toList())
                    .map(db.rows(Task.class))
                    .stream()
                    .collect(Collectors.toMap(Task::id, Function.identity()));
            List<Lease> leases = new ArrayList<>();
            for (QueueSql.Claimed c : claimed) {
                leases.add(new Lease(tasks.get(c.taskId()), c.attempt(), worker, attempts.now()));
            }
            attempts.start(h, leases);
            return leases;
        });
    }

    /** Extends the lease by {@code extend} from now, by the database's clock. */
    public void heartbeat(Lease lease, Duration extend) {
        db.inTransaction("Extending the lease of task " + lease.taskId(), h -> {
            int n = h.createUpdate("UPDATE tasks SET lease_expires_at = " + sql.nowPlus("extend") + ", heartbeat_at = "
                            + sql.now() + " WHERE id = :id AND attempt = :attempt AND status = 'running'")
                    .bind("extend", extend.toMillis())
                    .bind("id", lease.taskId())
                    .bind("attempt", lease.attempt())
                    .execute();
            return requireHeld(h, n, lease);
        });
    }

    /**
     * Records the task as succeeded, and makes ready every task that waited only for it.
     *
     * @throws StaleLeaseException when the task has moved past this attempt
     */
    public Task complete(Lease lease, TaskOutcome outcome) {
        return db.inTransaction("Completing task " + lease.taskId(), h -> {
            int n = h.createUpdate("UPDATE tasks SET status = 'succeeded', result = :result, output = :output,"
                            + " exit_code = :exitCode, error_message = NULL, completed_at = " + sql.now() + ","
                            + " lease_owner = NULL, lease_expires_at = NULL, lock_version = lock_version + 1,"
                            + " updated_at = " + sql.now()
                            + " WHERE id = :id AND attempt = :attempt AND status = 'running'")
                    .bindByType("result", outcome.result(), com.fasterxml.jackson.databind.JsonNode.class)
                    .bind("output", outcome.output())
                    .bind("exitCode", outcome.exitCode())
                    .bind("id", lease.taskId())
                    .bind("attempt", lease.attempt())
                    .execute();
            requireHeld(h, n, lease);
            attempts.finish(h, lease, "succeeded", outcome);
            Dag.releaseChildren(h, List.of(lease.taskId()), sql);
            return read(h, lease.taskId());
        });
    }

    /**
     * Completes many leases at once, in one transaction with a few statements however many there
     * are: what a worker does with a batch it claimed. A lease the task has moved past is not
     * recorded (it is left out of the count), as {@link #complete} would refuse it.
     *
     * @return how many tasks were recorded as succeeded
     */
    public int completeAll(List<Lease> leases) {
        if (leases.isEmpty()) {
            return 0;
        }
        return db.inTransaction("Completing " + leases.size() + " tasks", h -> {
            String pairs = Fenced.pairs(leases.size());
            int done = Fenced.bind(
                            h.createUpdate("UPDATE tasks SET status = 'succeeded', completed_at = " + sql.now()
                                    + ", error_message = NULL, lease_owner = NULL, lease_expires_at = NULL,"
                                    + " lock_version = lock_version + 1, updated_at = " + sql.now()
                                    + " WHERE status = 'running' AND (id, attempt) IN (" + pairs + ")"),
                            leases)
                    .execute();
            attempts.finishAll(h, leases, "succeeded");
            Dag.releaseChildren(h, leases.stream().map(Lease::taskId).toList(), sql);
            return done;
        });
    }

    /**
     * Records a failed attempt: the task waits {@link Backoff} and is ready again while it has
     * retries left, and goes to the dead letters ({@code dead}) when it has none.
     *
     * @throws StaleLeaseException when the task has moved past this attempt
     */
    public Task fail(Lease lease, String error) {
        Duration wait = backoff.after(lease.task().retryCount());
        return db.inTransaction("Failing task " + lease.taskId(), h -> {
            requireHeld(h, retryOrDead(h, lease.taskId(), lease.attempt(), error, wait), lease);
            attempts.finish(h, lease, "failed", TaskOutcome.error(error));
            return read(h, lease.taskId());
        });
    }

    /**
     * Returns every task whose lease expired to the queue (or to the dead letters when it has no
     * retries left), its attempt recorded as timed out. Returns how many.
     */
    public int reap() {
        return db.inTransaction("Reaping expired leases", h -> {
            List<Map<String, Object>> expired = h.createQuery("SELECT id, attempt FROM tasks WHERE status = 'running'"
                            + " AND lease_expires_at < " + sql.now())
                    .mapToMap()
                    .list();
            int reaped = 0;
            for (Map<String, Object> row : expired) {
                UUID id = UUID.fromString(row.get("id").toString());
                int attempt = ((Number) row.get("attempt")).intValue();
                reaped += retryOrDead(h, id, attempt, "the lease of attempt " + attempt + " expired", Duration.ZERO);
                attempts.timedOut(h, id, attempt);
            }
            return reaped;
        });
    }

    /**
     * Ends a failed or lost attempt, fenced by its number: ready again after {@code wait} while the
     * task has retries left, dead otherwise. Returns how many rows it changed (0 when fenced off).
     */
    private int retryOrDead(Handle h, UUID id, int attempt, String error, Duration wait) {
        return h.createUpdate("UPDATE tasks SET"
                        + " status = CASE WHEN retry_count < max_retries THEN 'ready' ELSE 'dead' END,"
                        + " retry_count = CASE WHEN retry_count < max_retries THEN retry_count + 1"
                        + " ELSE retry_count END,"
                        + " run_at = " + sql.nowPlus("wait") + ", error_message = :error,"
                        + " dead_lettered_at = CASE WHEN retry_count < max_retries THEN NULL ELSE " + sql.now()
                        + " END, lease_owner = NULL, lease_expires_at = NULL, lock_version = lock_version + 1,"
                        + " updated_at = " + sql.now()
                        + " WHERE id = :id AND attempt = :attempt AND status = 'running'")
                .bind("wait", wait.toMillis())
                .bind("error", error)
                .bind("id", id)
                .bind("attempt", attempt)
                .execute();
    }

    /** Tasks per queue and state, from the (queue, status) prefix of the claim index where the engine has one. */
    public List<QueueCount> stats() {
        return db.withHandle(
                "Counting tasks per queue",
                h -> h.createQuery("SELECT queue_name, status, COUNT(*) AS n FROM tasks GROUP BY queue_name, status"
                                + " ORDER BY queue_name, status")
                        .map((rs, ctx) -> new QueueCount(
                                rs.getString(1),
                                dev.flowbase.store.TaskStatus.valueOf(
                                        rs.getString(2).toUpperCase(java.util.Locale.ROOT)),
                                rs.getLong(3)))
                        .list());
    }

    /**
     * Deletes the finished tasks (succeeded or cancelled) of {@code queue} that finished before
     * {@code before}, with their attempts; failed and dead tasks stay for inspection. Returns how many.
     */
    public int purge(String queue, Instant before) {
        return db.inTransaction(
                "Purging finished tasks of queue " + queue,
                h -> h.createUpdate(
                                "DELETE FROM tasks WHERE queue_name = :queue AND status IN ('succeeded', 'cancelled')"
                                        + " AND completed_at < :before")
                        .bind("queue", queue)
                        .bindByType("before", before, Instant.class)
                        .execute());
    }

    /** Cancels a task that has not finished; a running one loses its lease (its worker's answer is refused). */
    public Task cancel(UUID taskId) {
        return db.inTransaction("Cancelling task " + taskId, h -> {
            int n = h.createUpdate("UPDATE tasks SET status = 'cancelled', completed_at = " + sql.now() + ","
                            + " lease_owner = NULL, lease_expires_at = NULL, lock_version = lock_version + 1,"
                            + " updated_at = " + sql.now()
                            + " WHERE id = :id AND status IN ('pending', 'ready', 'running', 'failed', 'dead')")
                    .bind("id", taskId)
                    .execute();
            Task now = read(h, taskId);
            attempts.cancelled(h, taskId);
            if (n == 0) {
                throw new dev.flowbase.store.InvalidTransitionException("task " + taskId + " cannot be cancelled: it"
                        + " is " + now.status().name().toLowerCase(java.util.Locale.ROOT));
            }
            return now;
        });
    }

    private Void requireHeld(Handle h, int updated, Lease lease) {
        if (updated == 0) {
            Task now = read(h, lease.taskId());
            throw new StaleLeaseException(
                    lease, now.status().name().toLowerCase(java.util.Locale.ROOT) + " at attempt " + now.attempt());
        }
        return null;
    }

    private Task read(Handle h, UUID id) {
        return h.createQuery("SELECT * FROM tasks WHERE id = :id")
                .bind("id", id)
                .map(db.rows(Task.class))
                .findOne()
                .orElseThrow(() -> new NotFoundException("task", id));
    }
}
