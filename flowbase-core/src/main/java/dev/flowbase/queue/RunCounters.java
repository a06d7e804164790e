package dev.flowbase.queue;

import dev.flowbase.store.ExecutionStatus;
import dev.flowbase.store.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The counters a workflow run keeps of its tasks ({@code workflow_executions.tasks_*}): progress
 * and the end of a run are read from them, never by counting tasks. Every change of a task's
 * state is recorded here in the transaction that makes it; the run ends, its state derived from
 * the counters, when the last of its tasks ends.
 */
final class RunCounters {

    /** A task of {@code run} (null: none) moving {@code from} a state ({@code null}: new) {@code to} another. */
    record Move(UUID run, TaskStatus from, TaskStatus to) {}

    private RunCounters() {}

    /** Applies the moves, then ends every run whose tasks have all ended; returns those runs. */
    static List<RunEnded> record(Handle h, Collection<Move> moves, Instant now) {
        // Sorted by run, so two transactions touching the same runs lock them in the same order.
        Map<UUID, int[]> deltas = new TreeMap<>();
        for (Move m : moves) {
            if (m.run() == null || m.from() == m.to()) {
                continue;
            }
            int[] d = deltas.computeIfAbsent(m.run(), r -> new int[4]);
            count(d, m.from(), -1);
            count(d, m.to(), +1);
        }
        deltas.entrySet().removeIf(e -> Arrays.stream(e.getValue()).allMatch(v -> v == 0));
        for (var e : deltas.entrySet()) {
            int[] d = e.getValue();
            h.createUpdate("UPDATE workflow_executions SET tasks_total = tasks_total + :total,"
                            + " tasks_succeeded = tasks_succeeded + :succeeded, tasks_failed = tasks_failed + :failed,"
                            + " tasks_cancelled = tasks_cancelled + :cancelled WHERE id = :id")
                    .bind("total", d[0])
                    .bind("succeeded", d[1])
                    .bind("failed", d[2])
                    .bind("cancelled", d[3])
                    .bind("id", e.getKey())
                    .execute();
        }
        return deltas.isEmpty() ? List.of() : endFinished(h, deltas.keySet(), now);
    }

    /** Marks queued runs as running when the first of their tasks is claimed. */
    static void started(Handle h, Collection<UUID> runs, Instant now) {
        if (runs.isEmpty()) {
            return;
        }
        h.createUpdate("UPDATE workflow_executions SET status = :running, started_at = :now, updated_at = :now"
                        + " WHERE id IN (<runs>) AND status = :queued")
                .bind("running", ExecutionStatus.RUNNING)
                .bind("queued", ExecutionStatus.QUEUED)
                .bindList("runs", List.copyOf(runs))
                .bind("now", now)
                .execute();
    }

    private static void count(int[] d, TaskStatus status, int sign) {
        if (status == null) {
            d[0] += 1; // a new task of the run
            return;
        }
        switch (status) {
            case SUCCEEDED -> d[1] += sign;
            case FAILED, DEAD -> d[2] += sign;
            case CANCELLED -> d[3] += sign;
            default -> {}
        }
    }

    private static List<RunEnded> endFinished(Handle h, Collection<UUID> runs, Instant now) {
        List<RunEnded> ended = h.createQuery(
                        "SELECT id, organization_id, workflow_id, workflow_version, tasks_failed, tasks_cancelled"
                                + " FROM workflow_executions WHERE id IN (<runs>)"
                                + " AND status IN (:queued, :running) AND tasks_total > 0"
                                + " AND tasks_succeeded + tasks_failed + tasks_cancelled = tasks_total")
                .bind("queued", ExecutionStatus.QUEUED)
                .bind("running", ExecutionStatus.RUNNING)
                .bindList("runs", List.copyOf(runs))
                .map((rs, ctx) -> {
                    var uuids = ctx.findColumnMapperFor(UUID.class).orElseThrow();
                    int version = rs.getInt(4);
                    Integer workflowVersion = rs.wasNull() ? null : version;
                    ExecutionStatus status = rs.getInt(5) > 0
                            ? ExecutionStatus.FAILED
                            : rs.getInt(6) > 0 ? ExecutionStatus.CANCELLED : ExecutionStatus.SUCCEEDED;
                    return new RunEnded(
                            uuids.map(rs, 1, ctx),
                            uuids.map(rs, 2, ctx),
                            uuids.map(rs, 3, ctx),
                            workflowVersion,
                            status);
                })
                .list();
        for (RunEnded run : ended) {
            Instant started = h.createQuery(
                            "SELECT COALESCE(started_at, created_at) FROM workflow_executions" + " WHERE id = :id")
                    .bind("id", run.run())
                    .mapTo(Instant.class)
                    .one();
            h.createUpdate("UPDATE workflow_executions SET status = :status,"
                            + " started_at = :started, completed_at = :now, duration_ms = :ms, updated_at = :now"
                            + " WHERE id = :id")
                    .bind("status", run.status())
                    .bind("started", started)
                    .bind("now", now)
                    .bind("ms", Math.max(0, Duration.between(started, now).toMillis()))
                    .bind("id", run.run())
                    .execute();
        }
        return ended;
    }
}
