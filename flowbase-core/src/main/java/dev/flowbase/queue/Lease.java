package dev.flowbase.queue;

import dev.flowbase.store.Task;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A claimed task: {@code owner} may work on it until its lease expires (heartbeats extend it).
 * {@code attempt} is the fencing token: a heartbeat, completion or failure that names an attempt
 * the task has moved past is refused, so a task taken over is never finished twice.
 *
 * @param claimedAt when this worker's attempt started, by the stores' clock, for its duration
 */
public record Lease(Task task, int attempt, String owner, Instant claimedAt) {
    public UUID taskId() {
        return task.id();
    }

    /**
     * A lease is one attempt of one task by one owner: the task's row as claimed is carried along,
     * not compared. Workers keep leases in sets and maps, and the record's own hash walked the
     * whole task with its JSON for every lookup (7% of a drain's worker time under JFR).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Lease l
                && attempt == l.attempt
                && taskId().equals(l.taskId())
                && Objects.equals(owner, l.owner)
                && Objects.equals(claimedAt, l.claimedAt);
    }

    @Override
    public int hashCode() {
        return taskId().hashCode() * 31 + attempt;
    }
}
