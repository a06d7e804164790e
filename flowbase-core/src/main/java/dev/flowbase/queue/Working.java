package dev.flowbase.queue;

import dev.flowbase.db.Database;
import dev.flowbase.store.ExecutionStatus;
import dev.flowbase.store.NotFoundException;
import dev.flowbase.store.Stores;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.store.TaskStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The worker's side of the {@link Queue}: claim, heartbeat, complete, fail, release and the reaper
 * of leases whose worker died. Every call is fenced by the lease's attempt, and each is a row of
 * {@link Transitions} (ready → running, running → succeeded, ready or dead).
 */
abstract sealed class Working permits Queue {
    final QueueParts parts;
    private final Claiming claiming;
    private final Completions completions;
    private final Failures failures;
    private final Leases leases;
    private final Settling settling;

    Working(QueueParts parts) {
        this.parts = parts;
        this.claiming = new Claiming(parts.db(), parts.sql(), parts.effects());
        this.completions = new Completions(parts.sql(), parts.effects());
        this.failures = new Failures(parts.sql(), parts.effects());
        this.leases = new Leases(parts.db(), parts.sql(), parts.effects());
        this.settling = new Settling(parts, completions, failures, leases);
    }

    final Database db() {
        return parts.db();
    }

    final Stores stores() {
        return parts.stores();
    }

    /**
     * Claims up to {@code max} ready tasks of {@code queue} for {@code worker}, for {@code lease}
     * by the database's clock, without waiting on tasks other workers are claiming.
     */
    public List<Lease> claim(String queue, int max, String worker, Duration lease) {
        return claim(new ClaimRequest(queue, null, max, worker, lease));
    }

    /** Claims as {@link #claim(String, int, String, Duration)} does; only the request's organization's tasks when it names one. */
    public List<Lease> claim(ClaimRequest request) {
        List<Lease> claimed =
                db().inTransaction("Claiming tasks of queue " + request.queue(), h -> claiming.claim(h, request));
        claimed.forEach(l -> parts.tell(TaskChange.of("claimed", l)));
        return claimed;
    }

    /**
     * The lease that {@code attempt} of the task holds now, for a worker that keeps only the task's
     * id and its attempt (the fencing token), such as a worker speaking the HTTP protocol.
     *
     * @throws StaleLeaseException when the task is not leased at that attempt
     * @throws NotFoundException when it is not a task of the stores' organization
     */
    public Lease leaseOf(UUID taskId, int attempt) {
        // Read through the caller's stores first: a task of another organization is not found.
        return db().inTransaction(
                        "Reading the lease of task " + taskId,
                        h -> leases.of(h, stores().tasks().get(taskId), attempt));
    }

    /** Extends the lease by {@code extend} from now, by the database's clock. */
    public void heartbeat(Lease lease, Duration extend) {
        db().inTransaction(
                        "Extending the lease of task " + lease.taskId(),
                        h -> requireHeld(h, leases.heartbeat(h, lease, extend) ? 1 : 0, lease));
    }

    /**
     * Gives a task back to its queue without counting a failure, for a worker that stops before
     * the task is done: ready again at once, the attempt recorded as cancelled.
     */
    public void release(Lease lease) {
        Set<String> wake = db().inTransaction("Releasing task " + lease.taskId(), h -> leases.release(h, lease));
        wake.forEach(parts.wakeups()::wake);
        parts.tell(TaskChange.of("released", lease));
    }

    /**
     * Records the task as succeeded, and makes ready every task that waited only for it.
     *
     * @throws StaleLeaseException when the task has moved past this attempt
     */
    public Task complete(Lease lease, TaskOutcome outcome) {
        Task done = db().inTransaction("Completing task " + lease.taskId(), h -> {
            requireHeld(h, completions.endLeases(h, List.of(lease)).size(), lease);
            completions.recordOutcome(h, lease, outcome);
            return Queue.read(db(), h, lease.taskId());
        });
        parts.throughput().add(lease.task().queueName(), Throughput.Outcome.SUCCEEDED, 1);
        parts.tell(TaskChange.of("succeeded", lease));
        return done;
    }

    /**
     * Completes many leases in one transaction with a few statements however many there are. A
     * lease the task has moved past is left out, as {@link #complete} would refuse it.
     *
     * @return how many tasks were recorded as succeeded
     */
    public int completeAll(List<Lease> done) {
        if (done.isEmpty()) {
            return 0;
        }
        List<Lease> held =
                db().inTransaction("Completing " + done.size() + " tasks", h -> completions.succeedAll(h, done));
        parts.throughput().addEach(held, Throughput.Outcome.SUCCEEDED);
        held.forEach(l -> parts.tell(TaskChange.of("succeeded", l)));
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

    /** As above, each lease with its own outcome; {@code max} 0 claims nothing. */
    List<Lease> completeAndClaim(Map<Lease, TaskOutcome> done, String queue, int max, String worker, Duration lease) {
        List<Lease> succeeded = new ArrayList<>();
        List<Lease> next = db().inTransaction(
                        "Completing " + done.size() + " tasks and claiming from queue " + queue, h -> {
                            succeeded.clear(); // a transaction run again must not count twice
                            succeeded.addAll(completions.succeedAll(h, done));
                            return max > 0
                                    ? claiming.claim(h, new ClaimRequest(queue, null, max, worker, lease))
                                    : List.of();
                        });
        parts.throughput().addEach(succeeded, Throughput.Outcome.SUCCEEDED);
        succeeded.forEach(l -> parts.tell(TaskChange.of("succeeded", l)));
        next.forEach(l -> parts.tell(TaskChange.of("claimed", l)));
        return next;
    }

    /**
     * Records a failed attempt: the task waits {@link Backoff} and is ready again while it has
     * retries left, and goes to the dead letters ({@code dead}) when it has none.
     *
     * @throws StaleLeaseException when the task has moved past this attempt
     */
    public Task fail(Lease lease, String error) {
        Duration wait = parts.backoff().after(lease.task().retryCount());
        Task failed = db().inTransaction("Failing task " + lease.taskId(), h -> {
            TaskStatus to = failures.retryOrDead(
                    h, Attempts.Ended.of(lease), error, wait, ExecutionStatus.FAILED, TaskOutcome.error(error));
            requireHeld(h, to == null ? 0 : 1, lease);
            return Queue.read(db(), h, lease.taskId());
        });
        parts.throughput()
                .add(
                        failed.queueName(),
                        failed.status() == TaskStatus.DEAD ? Throughput.Outcome.DEAD : Throughput.Outcome.RETRIED,
                        1);
        parts.tell(TaskChange.of(failed.status() == TaskStatus.DEAD ? "dead" : "retrying", lease));
        return failed;
    }

    /**
     * Returns every task whose lease expired to the queue (or to the dead letters when it has no
     * retries left), its attempt recorded as timed out. Returns how many.
     */
    public int reap() {
        List<Attempts.Ended> reapedNow = new ArrayList<>();
        int n = db().inTransaction("Reaping expired leases", h -> {
            reapedNow.clear(); // a transaction run again must not count twice
            reapedNow.addAll(failures.reapExpired(db(), h));
            return reapedNow.size();
        });
        reapedNow.forEach(a -> parts.throughput().add(a.queueName(), Throughput.Outcome.TIMED_OUT, 1));
        reapedNow.forEach(a -> parts.tell(TaskChange.of("timed_out", a)));
        return n;
    }

    /**
     * Completes or fails several leased tasks in one transaction: what a worker that reports a batch
     * (such as one speaking HTTP) sends. A report from an attempt the task has moved past, or of a
     * task not of the stores' organization, is refused alone, as {@link #complete} or {@link #fail}
     * would refuse it; the others are applied. A failure of the database applies none of them.
     */
    public List<SettleResult> settle(List<SettleReport> reports) {
        return settle(reports, null).results();
    }

    /**
     * Settles {@code reports} as above and, in the same transaction, claims as {@code next} asks
     * ({@code null}: no claim): one call and one commit per batch for a worker that goes on working,
     * as {@link #completeAndClaim} is for a worker in the JVM. A refused report does not stop the
     * claim; a failure of the database applies and claims nothing.
     */
    public SettleOutcome settle(List<SettleReport> reports, ClaimRequest next) {
        List<Lease> claimed = new ArrayList<>();
        String what =
                "Settling " + reports.size() + " tasks" + (next == null ? "" : " and claiming from " + next.queue());
        List<SettleResult> results = db().inTransaction(what, h -> {
            claimed.clear(); // a transaction run again must not keep the first try's claim
            List<SettleResult> settled = settling.settle(h, reports);
            if (next != null) {
                claimed.addAll(claiming.claim(h, next));
            }
            return settled;
        });
        for (SettleResult r : results) {
            if (r.applied()) {
                parts.throughput().add(r.task().queueName(), settled(r.task()), 1);
                parts.tell(TaskChange.of(changeOf(r.task()), r.task()));
            }
        }
        claimed.forEach(l -> parts.tell(TaskChange.of("claimed", l)));
        return new SettleOutcome(results, claimed);
    }

    private static Throughput.Outcome settled(Task t) {
        return switch (t.status()) {
            case SUCCEEDED -> Throughput.Outcome.SUCCEEDED;
            case DEAD -> Throughput.Outcome.DEAD;
            default -> Throughput.Outcome.RETRIED;
        };
    }

    private static String changeOf(Task t) {
        return switch (t.status()) {
            case SUCCEEDED -> "succeeded";
            case DEAD -> "dead";
            default -> "retrying";
        };
    }

    private Void requireHeld(Handle h, int updated, Lease lease) {
        if (updated == 0) {
            throw new StaleLeaseException(lease, Leases.where(Queue.read(db(), h, lease.taskId())));
        }
        return null;
    }
}
