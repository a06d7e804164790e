package dev.flowbase.queue;

import dev.flowbase.cache.EventBus;
import dev.flowbase.db.Database;
import dev.flowbase.resilience.Health;
import dev.flowbase.store.ConflictException;
import dev.flowbase.store.InvalidTransitionException;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.NotFoundException;
import dev.flowbase.store.Stores;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.store.TaskStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * The durable task queue, and the one writer of a task's life ({@link Transitions} is its table).
 * Delivery is at least once, completion exactly once: a claim is a lease fenced by the attempt
 * number, a lease that expires is reaped and the task claimed again, and a late report from the
 * attempt that lost it is refused ({@link StaleLeaseException}). What a worker does with its leases
 * is in {@link Working}; this class adds, moves and counts tasks.
 *
 * <pre>{@code
 * Queue queue = Queue.create(database);
 * queue.enqueue(NewTask.named(org, "summarise").inQueue("llm"));
 * for (Lease lease : queue.claim("llm", 10, "worker-1", Duration.ofSeconds(60))) {
 *     queue.complete(lease, TaskOutcome.result(run(lease.task())));
 * }
 * }</pre>
 */
public final class Queue extends Working {
    private final Enqueuing enqueuing;
    private final CallerMoves moves;
    private final Cancellation cancellation;

    private Queue(QueueParts parts) {
        super(parts);
        TaskRows rows = new TaskRows(parts.db(), parts.effects());
        this.enqueuing = new Enqueuing(parts.db(), parts.stores(), rows, parts.wakeups(), parts.fallback());
        this.moves = new CallerMoves(parts.db(), parts.effects());
        this.cancellation = new Cancellation(parts.db(), parts.sql(), parts.effects());
    }

    public static Queue create(Database db) {
        return new Queue(QueueParts.of(
                db,
                Stores.create(db),
                Backoff.DEFAULT,
                Wakeups.of(db),
                new Throughput(),
                TaskListener.NONE,
                Fallback.NONE));
    }

    /** The same queue writing through {@code stores}: their clock stamps attempts, their actor audits, their organization scopes. */
    public Queue withStores(Stores newStores) {
        return new Queue(QueueParts.of(
                parts.db(),
                newStores,
                parts.backoff(),
                parts.wakeups(),
                parts.throughput(),
                parts.listener(),
                parts.fallback()));
    }

    public Queue withBackoff(Backoff newBackoff) {
        return new Queue(QueueParts.of(
                parts.db(),
                parts.stores(),
                newBackoff,
                parts.wakeups(),
                parts.throughput(),
                parts.listener(),
                parts.fallback()));
    }

    /** The same queue telling {@code newListener} of every state change it commits (the live events). */
    public Queue withListener(TaskListener newListener) {
        return new Queue(QueueParts.of(
                parts.db(),
                parts.stores(),
                parts.backoff(),
                parts.wakeups(),
                parts.throughput(),
                newListener,
                parts.fallback()));
    }

    /**
     * The same queue keeping new tasks in {@code newFallback}'s outbox while its database is
     * unreachable ({@link EnqueueOutcome#deferred}); every other write is refused then, as without.
     */
    public Queue withFallback(Fallback newFallback) {
        return new Queue(QueueParts.of(
                parts.db(),
                parts.stores(),
                parts.backoff(),
                parts.wakeups(),
                parts.throughput(),
                parts.listener(),
                newFallback));
    }

    /** The fallback this queue keeps new tasks in while its database is unreachable ({@link Fallback#NONE} if none). */
    public Fallback fallback() {
        return parts.fallback();
    }

    /** The database this queue's tasks live in. */
    public Database database() {
        return db();
    }

    /** The same queue publishing every change it commits on {@code events} ({@link TaskEvents}). */
    public Queue withEvents(EventBus events) {
        return withListener(new TaskEvents(events));
    }

    /**
     * Adds a task, runnable when {@code dependsOn} have all succeeded: pending until then, ready
     * when it waits for nothing, cancelled at once when one of them is dead or cancelled. Inside
     * the caller's {@link Stores#executeTransaction} it is part of that transaction. With an
     * idempotency key its organization already used in its queue, the existing task is returned.
     */
    public Task enqueue(NewTask task, Collection<UUID> dependsOn) {
        return enqueueOnce(task, dependsOn).task();
    }

    public Task enqueue(NewTask task) {
        return enqueue(task, List.of());
    }

    /** As {@link #enqueue(NewTask, Collection)}, telling whether the task was added now or found by its key. */
    public EnqueueOutcome enqueueOnce(NewTask task, Collection<UUID> dependsOn) {
        EnqueueOutcome outcome = enqueuing.enqueue(task, dependsOn);
        if (outcome.added() && !outcome.deferred()) {
            parts.tell(TaskChange.of("enqueued", outcome.task()));
        }
        return outcome;
    }

    /** Writes a task kept by the fallback with its id, once: nothing when the primary has that id already. */
    EnqueueOutcome replay(UUID id, NewTask task, List<UUID> dependsOn) {
        EnqueueOutcome outcome = enqueuing.replay(id, task, dependsOn);
        if (outcome.added()) {
            parts.tell(TaskChange.of("enqueued", outcome.task()));
        }
        return outcome;
    }

    /** Adds many tasks without dependencies in one transaction (COPY on PostgreSQL); returns how many. */
    public int enqueueAll(List<NewTask> tasks) {
        return enqueuing.enqueueAll(tasks);
    }

    /**
     * A caller's move of a task to {@code to}, if the table lets a call make it from where the task
     * is (never to running: only a claim gives the lease that needs). A running task loses its lease
     * and its attempt is written; the move is audited as the stores' actor.
     *
     * @throws InvalidTransitionException naming the states a call may choose
     */
    public Task move(UUID taskId, TaskStatus to, TaskOutcome outcome) {
        return moved(taskId, h -> moves.move(h, stores().tasks().get(taskId), to, outcome), "task.status");
    }

    public Task move(UUID taskId, TaskStatus to) {
        return move(taskId, to, TaskOutcome.NONE);
    }

    /** Puts a failed or dead-lettered task back in its queue, runnable now, with its retries restored. */
    public Task requeue(UUID taskId) {
        return moved(taskId, h -> moves.requeue(h, stores().tasks().get(taskId)), "task.status");
    }

    /**
     * Saves the fields a task may change (description, priority, parameters, retries, time limit,
     * run time) if nobody changed it since {@code changed} was read; a ready task is claimed in its new order.
     *
     * @throws ConflictException when its lock_version is no longer {@code changed.lockVersion()}
     */
    public Task update(Task changed) {
        return stores().executeTransaction(s -> {
            Task before = s.tasks().get(changed.id());
            Task after = db().inTransaction("Updating task " + changed.id(), h -> moves.edit(h, changed));
            s.audit().record(after.organizationId(), "task.update", "task", after.id(), before, after);
            return after;
        });
    }

    /**
     * Cancels a task that has not finished, and skips the tasks below it; a running one loses its
     * lease (its worker's answer is refused). Audited as the stores' actor.
     */
    public Task cancel(UUID taskId) {
        Task cancelled = stores().executeTransaction(s -> {
            Task before = s.tasks().get(taskId);
            Task after = db().inTransaction("Cancelling task " + taskId, h -> cancellation.cancel(h, before));
            s.audit().record(after.organizationId(), "task.cancel", "task", after.id(), before, after);
            return after;
        });
        parts.throughput().add(cancelled.queueName(), Throughput.Outcome.CANCELLED, 1);
        parts.tell(TaskChange.of("cancelled", cancelled));
        return cancelled;
    }

    /** The lead of {@code duty} among the processes on this database (the reaper runs under it). */
    public Leadership leadership(String duty) {
        return parts.sql().leadership(db(), duty);
    }

    /** Whether the database takes calls now: workers wait instead of claiming while its breaker is open. */
    public Health health() {
        return db().health();
    }

    /** Hears enqueues of other processes (where the engine tells) and wakes this process's workers. */
    AutoCloseable listenToOthers() {
        return parts.sql().listen(db(), parts.wakeups()::wake);
    }

    /** The signal that wakes this process's workers of {@code queue} when a task is enqueued here. */
    Signal signal(String queue) {
        return parts.wakeups().of(queue);
    }

    /**
     * The depth of every queue that has work or dead letters, from {@code task_queue} (which holds
     * only live tasks) and the dead-letter index: cheap enough to ask every few seconds. Through a
     * caller's stores ({@link Stores#within}), only its organization's tasks are counted.
     */
    public List<QueueDepth> depth() {
        return QueueCounts.depth(db(), parts.sql(), stores().organization().orElse(null));
    }

    /** When the oldest ready task of each queue became ready: how long the queue keeps work waiting. */
    public Map<String, Instant> oldestReady() {
        return QueueCounts.oldestReady(db(), parts.sql());
    }

    /** The attempts this process ended since it started, per queue and outcome (for {@code /metrics}). */
    public List<Throughput.Count> throughput() {
        return parts.throughput().snapshot();
    }

    /** Tasks per queue and state, counted over the whole of {@code tasks} ({@link #depth} is the cheap view). */
    public List<QueueCount> stats() {
        return QueueCounts.stats(db());
    }

    /**
     * Deletes the finished tasks (succeeded or cancelled) of {@code queue} that finished before
     * {@code before}, with their attempts; failed and dead tasks stay for inspection. Returns how many.
     */
    public int purge(String queue, Instant before) {
        return db().inTransaction(
                        "Purging finished tasks of queue " + queue,
                        h -> h.createUpdate(
                                        "DELETE FROM tasks WHERE queue_name = :queue AND status IN (:succeeded, :cancelled)"
                                                + " AND completed_at < :before")
                                .bind("queue", queue)
                                .bind("succeeded", TaskStatus.SUCCEEDED)
                                .bind("cancelled", TaskStatus.CANCELLED)
                                .bindByType("before", before, Instant.class)
                                .execute());
    }

    /** Runs a caller's move in the stores' transaction, audits it, and wakes and counts after it commits. */
    private Task moved(UUID taskId, Function<Handle, CallerMoves.Moved> move, String action) {
        CallerMoves.Moved m = stores().executeTransaction(s -> {
            CallerMoves.Moved done = db().inTransaction("Moving task " + taskId, move::apply);
            s.audit().record(done.after().organizationId(), action, "task", taskId, done.before(), done.after());
            return done;
        });
        m.wake().forEach(parts.wakeups()::wake);
        parts.throughput()
                .add(m.after().queueName(), Throughput.Outcome.of(m.transition().to()), 1);
        return m.after();
    }

    static Task read(Database db, Handle h, UUID id) {
        return find(db, h, id).orElseThrow(() -> new NotFoundException("task", id));
    }

    static Optional<Task> find(Database db, Handle h, UUID id) {
        return h.createQuery("SELECT * FROM tasks WHERE id = :id")
                .bind("id", id)
                .map(db.rows(Task.class))
                .findOne();
    }
}
