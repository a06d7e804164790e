package dev.flowbase.queue;

import dev.flowbase.store.ExecutionStatus;
import dev.flowbase.store.NotFoundException;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * A worker's batch of reports ({@link Queue#settle}) applied inside the caller's transaction in a
 * few statements however many reports there are: the tasks and their leases are read together,
 * the successes end together (one fenced delete, one batch of outcomes, one bulk write of attempt
 * rows), and the tasks are read back together. Only failures go one at a time, each with its own
 * backoff; they are the rare path.
 */
final class Settling {
    private final QueueParts parts;
    private final Completions completions;
    private final Failures failures;
    private final Leases leases;

    Settling(QueueParts parts, Completions completions, Failures failures, Leases leases) {
        this.parts = parts;
        this.completions = completions;
        this.failures = failures;
        this.leases = leases;
    }

    /** One result per report, in the reports' order. */
    List<SettleResult> settle(Handle h, List<SettleReport> reports) {
        // Through the caller's stores: a task of another organization is not found.
        Map<UUID, Task> tasks = parts.stores()
                .tasks()
                .find(reports.stream().map(SettleReport::taskId).toList());
        List<QueueSql.Claimed> asked = reports.stream()
                .filter(r -> tasks.containsKey(r.taskId()))
                .map(r -> new QueueSql.Claimed(r.taskId(), r.attempt()))
                .distinct()
                .toList();
        Map<QueueSql.Claimed, Lease> held = leases.held(h, tasks, asked);

        // A second report of one attempt finds it ended by the first, as two calls would.
        Set<QueueSql.Claimed> reported = new HashSet<>();
        Lease[] leaseOf = new Lease[reports.size()];
        Map<Lease, TaskOutcome> succeeding = new LinkedHashMap<>();
        Set<Lease> ended = new HashSet<>();
        for (int i = 0; i < reports.size(); i++) {
            SettleReport r = reports.get(i);
            QueueSql.Claimed pair = new QueueSql.Claimed(r.taskId(), r.attempt());
            Lease lease = held.get(pair);
            if (lease == null || !reported.add(pair)) {
                continue;
            }
            leaseOf[i] = lease;
            if (r.succeeded()) {
                succeeding.put(lease, r.outcome());
            } else if (fail(h, lease, r)) {
                ended.add(lease);
            }
        }
        if (!succeeding.isEmpty()) {
            ended.addAll(completions.succeedAll(h, succeeding));
        }
        Map<UUID, Task> now = readAll(h, ended);

        List<SettleResult> results = new ArrayList<>(reports.size());
        for (int i = 0; i < reports.size(); i++) {
            SettleReport r = reports.get(i);
            Task task = tasks.get(r.taskId());
            if (task == null) {
                results.add(new SettleResult(r, null, new NotFoundException("task", r.taskId())));
            } else if (leaseOf[i] == null || !ended.contains(leaseOf[i])) {
                results.add(new SettleResult(r, null, Leases.stale(task, r.attempt())));
            } else {
                results.add(new SettleResult(r, now.get(r.taskId()), null));
            }
        }
        return results;
    }

    private boolean fail(Handle h, Lease lease, SettleReport r) {
        return failures.retryOrDead(
                        h,
                        Attempts.Ended.of(lease),
                        r.error(),
                        parts.backoff().after(lease.task().retryCount()),
                        ExecutionStatus.FAILED,
                        r.outcome())
                != null;
    }

    private Map<UUID, Task> readAll(Handle h, Set<Lease> ended) {
        Map<UUID, Task> now = new HashMap<>();
        if (!ended.isEmpty()) {
            h.createQuery("SELECT * FROM tasks WHERE id IN (<ids>)")
                    .bindList("ids", ended.stream().map(Lease::taskId).toList())
                    .map(parts.db().rows(Task.class))
                    .forEach(t -> now.put(t.id(), t));
        }
        return now;
    }
}
