package dev.flowbase.queue;

import dev.flowbase.store.TaskStatus;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The end of a finished task's life: retention deletes old tasks through here, so that the queue
 * stays the one writer of {@code tasks} (TaskOwnershipTest). Only a task that has finished and
 * whose workflow run (if any) has finished too is ever deleted: the condition is checked again by
 * the delete itself, so a task that was requeued or whose run started again since its id was read
 * stays. Its attempts, dependencies and queue row go with it (ON DELETE CASCADE); its log lines
 * keep their text and lose the link.
 */
public final class TaskRetention {
    /** The finished states, as the schema's CHECK spells them. */
    public static final List<String> FINISHED_STATES = Arrays.stream(TaskStatus.values())
            .filter(TaskStatus::isFinished)
            .map(s -> s.name().toLowerCase(Locale.ROOT))
            .toList();

    /**
     * The condition, over the columns of {@code tasks} (no alias), that a task is done with: for a
     * retention's count and its choice of ids. Its only parameter is the list {@code <finishedStates>}.
     */
    public static final String FINISHED = "status IN (<finishedStates>) AND (workflow_execution_id IS NULL"
            + " OR workflow_execution_id NOT IN (SELECT r.id FROM workflow_executions r"
            + " WHERE r.status IN ('queued', 'running')))";

    private TaskRetention() {}

    /** Deletes those of {@code ids} that are finished, in the caller's transaction; returns how many. */
    public static int deleteFinished(Handle h, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return h.createUpdate("DELETE FROM tasks WHERE id IN (<ids>) AND " + FINISHED)
                .bindList("ids", List.copyOf(ids))
                .bindList("finishedStates", FINISHED_STATES)
                .execute();
    }

    /**
     * Deletes the finished tasks of the workflow runs {@code runIds}, before retention deletes the
     * runs themselves (whose delete would otherwise reach the tasks by cascade, outside the queue).
     * A task of these runs that is not finished stays, and keeps its run.
     */
    public static int deleteFinishedOfRuns(Handle h, Collection<UUID> runIds) {
        if (runIds.isEmpty()) {
            return 0;
        }
        return h.createUpdate(
                        "DELETE FROM tasks WHERE workflow_execution_id IN (<runs>) AND status IN (<finishedStates>)")
                .bindList("runs", List.copyOf(runIds))
                .bindList("finishedStates", FINISHED_STATES)
                .execute();
    }
}
