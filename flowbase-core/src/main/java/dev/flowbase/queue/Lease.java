package dev.flowbase.queue;

import dev.flowbase.store.Task;
import java.time.Instant;
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
}
