package dev.flowbase.queue;

import dev.flowbase.db.Database;
import dev.flowbase.db.resilience.Health;
import dev.flowbase.engine.EngineKit;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.NotFoundException;
import dev.flowbase.store.Stores;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.store.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
    private final Throughput throughput;
    private final Completions completions;
    private final Failures failures;
    private final Cancellation cancellation;
    private final Enqueuing enqueuing;
    private final Claiming claiming;

    private Queue(Database db, Stores stores, Backoff backoff) {
        this(db, stores, backoff, Wakeups.of(db), new Throughput());
    }

    private Queue(Database db, Stores stores, Backoff backoff, Wakeups wakeups, Throughput throughput) {
        this.db = db;
        this.stores = stores;
        this.sql = EngineKit.of(db.engine()).part(QueueSql.class);
        this.backoff = backoff;
        this.attempts = new Attempts(db, stores);
        this.wakeups = wakeups;
        this.throughput = throughput;
        this.completions = new Completions(sql, attempts);
        this.failures = new Failures(sql, attempts);
        this.cancellation = new Cancellation(db, sql, attempts);
        this.enqueuing = new Enqueuing(db, stores, sql, wakeups);
        this.claiming = new Claiming(db, sql, attempts);
    }

    public static Queue create(Database db) {
        return new Queue(db, Stores.create(db), Backoff.DEFAULT);
    }

    /** The same queue writing through {@code stores} (their clock stamps attempts; their actor audits). */
    public Queue withStores(Stores newStores) {
        return new Queue(db, newStores, backoff, wakeups, throughput);
    }

    public Queue withBackoff(Backoff newBackoff) {
        return new Queue(db, stores, newBackoff, wakeups, throughput);
    }

    /**
     * Adds a task, runnable when {@code dependsOn} have all succeeded. Inside the caller's
     * {@link Stores#executeTransaction} it is part of that transaction. With an idempotency key its
     * organization already used in its queue, the existing task is returned and nothing is added.
     */
    public Task enqueue(NewTask task, Collection<UUID> dependsOn) {
        return enqueuing.enqueue(task, dependsOn);
    }

    public Task enqueue(NewTask task) {
        return enqueue(task, List.of());
    }

    /** Adds many tasks without dependencies in one transaction (COPY on PostgreSQL); returns how many. */
    public int enqueueAll(List<NewTask> tasks) {
        return enqueuing.enqueueAll(tasks);
    }

    /** The lead of {@code duty} among the processes on this database (the reaper runs under it). */
    public Leadership leadership(String duty) {
        return sql.leadership(db, duty);
    }

    /** Whether the database takes calls now: workers wait instead of claiming while its breaker is open. */
    public Health health() {
        return db.health();
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
            int n = h.createUpdate("UPDATE task_queue SET lease_owner = NULL, lease_expires_at = NULL,"
                            + " claimed_at = NULL WHERE task_id = :id AND attempt = :attempt AND " + QueueSql.HELD)
                    .bind("id", lease.taskId())
                    .bind("attempt", lease.attempt())
                    .execute();
            if (n == 1) {
                h.createUpdate("UPDATE tasks SET status = 'ready', lease_owner = NULL, lease_expires_at = NULL,"
                                + " lock_version = lock_version + 1, updated_at = " + sql.now() + " WHERE id = :id")
                        .bind("id", lease.taskId())
                        .execute();
                attempts.record(
                        h,
                        List.of(Attempts.Ended.of(lease)),
                        "cancelled",
                        TaskOutcome.error("the worker stopped before the task was done"));
            }
            return null;
        });
        wakeups.wake(lease.task().queueName());
    }

    /**
     * Claims up to {@code max} ready tasks of {@code queue} for {@code worker}, for {@code lease}
     * by the database's clock, without waiting on tasks other workers are claiming.
     */
    public List<Lease> claim(String queue, int max, String worker, Duration lease) {
        return claim(new ClaimRequest(queue, null, max, worker, lease));
    }

    /**
     * Claims as {@link #claim(String, int, String, Duration)} does, only the tasks of the request's
     * organization when it names one: what a worker of one tenant, such as one that speaks the HTTP
     * protocol with its organization's key, may take.
     */
    public List<Lease> claim(ClaimRequest request) {
        return db.inTransaction("Claiming tasks of queue " + request.queue(), h -> claiming.claim(h, request));
    }

    /**
     * The lease that {@code attempt} of the task holds now, for a worker that keeps only the task's
     * id and its attempt (the fencing token), such as a worker speaking the HTTP protocol.
     *
     * @throws StaleLeaseException when the task is not leased at that attempt
     */
    public Lease leaseOf(UUID taskId, int attempt) {
        return db.inTransaction("Reading the lease of task " + taskId, h -> {
            Task task = read(h, taskId);
            return h.createQuery(Attempts.LEASED + " AND q.task_id = :id AND q.attempt = :attempt")
                    .bind("id", taskId)
                    .bind("attempt", attempt)
                    .map(db.rows(Attempts.Ended.class))
                    .findOne()
                    .map(held -> new Lease(task, attempt, held.worker(), held.startedAt()))
                    .orElseThrow(() -> new StaleLeaseException(
                            new Lease(task, attempt, "this worker", null),
                            task.status().name().toLowerCase(java.util.Locale.ROOT) + " at attempt " + task.attempt()));
        });
    }

    /** Extends the lease by {@code extend} from now, by the database's clock. */
    public void heartbeat(Lease lease, Duration extend) {
        db.inTransaction("Extending the lease of task " + lease.taskId(), h -> {
            int n = h.createUpdate("UPDATE task_queue SET lease_expires_at = " + sql.nowPlus("extend")
                            + " WHERE task_id = :id AND attempt = :attempt AND " + QueueSql.HELD)
                    .bind("extend", extend.toMillis())
                    .bind("id", lease.taskId())
                    .bind("attempt", lease.attempt())
                    .execute();
            requireHeld(h, n, lease);
            h.createUpdate("UPDATE tasks SET lease_expires_at = " + sql.nowPlus("extend") + ", heartbeat_at = "
                            + sql.now() + " WHERE id = :id")
                    .bind("extend", extend.toMillis())
                    .bind("id", lease.taskId())
                    .execute();
            return null;
        });
    }

    /**
     * Records the task as succeeded, and makes ready every task that waited only for it.
     *
     * @throws StaleLeaseException when the task has moved past this attempt
     */
    public Task complete(Lease lease, TaskOutcome outcome) {
        Task done = db.inTransaction("Completing task " + lease.taskId(), h -> {
            requireHeld(h, completions.endLeases(h, List.of(lease)).size(), lease);
            completions.recordOutcome(h, lease, outcome);
            return read(h, lease.taskId());
        });
        throughput.add(lease.task().queueName(), Throughput.Outcome.SUCCEEDED, 1);
        return done;
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
        List<Lease> held =
                db.inTransaction("Completing " + leases.size() + " tasks", h -> completions.succeedAll(h, leases));
        throughput.addEach(held, Throughput.Outcome.SUCCEEDED);
        return held.size();
    }

    /**
     * Completes {@code done} and claims the next tasks of {@code queue} in one transaction: one
     * commit per batch instead of two, for a worker that goes on working.
     *
     * @return the new leases (none when the queue has no ready task)
     */
    public List<Lease> completeAndClaim(List<Lease> done, String queue, int max, String worker, Duration lease) {
        Map<Lease, TaskOutcome> outcomes = new LinkedHashMap<>();
        done.forEach(l -> outcomes.put(l, TaskOutcome.NONE));
        return completeAndClaim(outcomes, queue, max, worker, lease);
    }

    /**
     * As {@link #completeAndClaim(List, String, int, String, Duration)}, each lease with its own
     * outcome; {@code max} 0 claims nothing. What a {@link Worker} does with the tasks its handlers
     * finished while it was busy.
     */
    List<Lease> completeAndClaim(Map<Lease, TaskOutcome> done, String queue, int max, String worker, Duration lease) {
        List<Lease> succeeded = new ArrayList<>();
        List<Lease> next =
                db.inTransaction("Completing " + done.size() + " tasks and claiming from queue " + queue, h -> {
                    succeeded.clear(); // a transaction run again must not count twice
                    List<Lease> plain = new ArrayList<>();
                    done.forEach((l, outcome) -> {
                        if (outcome.equals(TaskOutcome.NONE)) {
                            plain.add(l);
                        } else if (!completions.endLeases(h, List.of(l)).isEmpty()) {
                            completions.recordOutcome(h, l, outcome);
                            succeeded.add(l);
                        }
                    });
                    if (!plain.isEmpty()) {
                        succeeded.addAll(completions.succeedAll(h, plain));
                    }
                    return max > 0 ? claiming.claim(h, new ClaimRequest(queue, null, max, worker, lease)) : List.of();
                });
        throughput.addEach(succeeded, Throughput.Outcome.SUCCEEDED);
        return next;
    }

    /**
     * Records a failed attempt: the task waits {@link Backoff} and is ready again while it has
     * retries left, and goes to the dead letters ({@code dead}) when it has none.
     *
     * @throws StaleLeaseException when the task has moved past this attempt
     */
    public Task fail(Lease lease, String error) {
        Duration wait = backoff.after(lease.task().retryCount());
        Task failed = db.inTransaction("Failing task " + lease.taskId(), h -> {
            Attempts.Ended attempt = Attempts.Ended.of(lease);
            requireHeld(h, failures.retryOrDead(h, attempt, error, wait) ? 1 : 0, lease);
            attempts.record(h, List.of(attempt), "failed", TaskOutcome.error(error));
            return read(h, lease.taskId());
        });
        throughput.add(
                failed.queueName(),
                failed.status() == TaskStatus.DEAD ? Throughput.Outcome.DEAD : Throughput.Outcome.RETRIED,
                1);
        return failed;
    }

    /**
     * Returns every task whose lease expired to the queue (or to the dead letters when it has no
     * retries left), its attempt recorded as timed out. Returns how many.
     */
    public int reap() {
        List<Attempts.Ended> reapedNow = new ArrayList<>();
        int n = db.inTransaction("Reaping expired leases", h -> {
            reapedNow.clear(); // a transaction run again must not count twice
            reapedNow.addAll(failures.reapExpired(db, h));
            return reapedNow.size();
        });
        reapedNow.forEach(a -> throughput.add(a.queueName(), Throughput.Outcome.TIMED_OUT, 1));
        return n;
    }

    /**
     * The depth of every queue that has work or dead letters, from {@code task_queue} (which holds
     * only live tasks) and the dead-letter index: cheap enough to ask every few seconds, however
     * much history {@code tasks} keeps. Through a caller's stores ({@link Stores#within}), only its
     * organization's tasks are counted, and queues it has no task in are left out.
     */
    public List<QueueDepth> depth() {
        return QueueCounts.depth(db, sql, stores.organization().orElse(null));
    }

    /**
     * When the oldest ready task of each queue became ready (its {@code run_at}): how long the
     * queue keeps work waiting. Queues with no ready task are left out.
     */
    public java.util.Map<String, Instant> oldestReady() {
        return QueueCounts.oldestReady(db, sql);
    }

    /** The attempts this process ended since it started, per queue and outcome (for {@code /metrics}). */
    public List<Throughput.Count> throughput() {
        return throughput.snapshot();
    }

    /** Tasks per queue and state, counted over the whole of {@code tasks} ({@link #depth} is the cheap view). */
    public List<QueueCount> stats() {
        return QueueCounts.stats(db);
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

    /**
     * Cancels a task that has not finished, and skips the tasks below it; a running one loses its
     * lease (its worker's answer is refused).
     */
    public Task cancel(UUID taskId) {
        Task cancelled = db.inTransaction("Cancelling task " + taskId, h -> cancellation.cancel(h, taskId));
        throughput.add(cancelled.queueName(), Throughput.Outcome.CANCELLED, 1);
        return cancelled;
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
        return read(db, h, id);
    }

    static Task read(Database db, Handle h, UUID id) {
        return h.createQuery("SELECT * FROM tasks WHERE id = :id")
                .bind("id", id)
                .map(db.rows(Task.class))
                .findOne()
                .orElseThrow(() -> new NotFoundException("task", id));
    }
}
