package dev.flowbase.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.util.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Runs of workflows, and reading the attempts of tasks: the queue writes those, as each attempt
 * ends ({@code dev.flowbase.queue.Attempts}).
 */
public final class ExecutionStore {
    private final Tx tx;
    private final String insertRun;

    ExecutionStore(Tx tx) {
        this.tx = tx;
        this.insertRun = Rows.insert(
                tx,
                "workflow_executions",
                "id",
                "organization_id",
                "workflow_id",
                "workflow_version",
                "attempt",
                "status",
                "triggered_by",
                "input",
                "metadata",
                "created_at",
                "updated_at");
    }

    /**
     * Queues a run of the workflow, pinned to its latest published version; with events
     * ({@link Stores#withEvents}), {@code workflow.started} is published once it commits.
     */
    public WorkflowExecution startWorkflow(UUID workflowId, JsonNode input, UUID triggeredBy) {
        Limits.json("input", input);
        return tx.write("Starting a run of workflow " + workflowId, h -> {
            Workflow w = Rows.byId(tx, h, "workflows", workflowId, Workflow.class)
                    .orElseThrow(() -> new NotFoundException("workflow", workflowId));
            Instant now = tx.now();
            var run = new WorkflowExecution(
                    tx.newId(now),
                    w.organizationId(),
                    workflowId,
                    w.version(),
                    1,
                    ExecutionStatus.QUEUED,
                    null,
                    triggeredBy,
                    Checks.orDefault(input, Json.emptyObject()),
                    null,
                    null,
                    null,
                    Json.emptyObject(),
                    null,
                    null,
                    null,
                    now,
                    now,
                    0,
                    0,
                    0,
                    0);
            h.createUpdate(insertRun).bindMethods(run).execute();
            tx.auditor.record(
                    h,
                    now,
                    run.organizationId(),
                    "workflow_execution.start",
                    "workflow_execution",
                    run.id(),
                    null,
                    run);
            tx.publishOnCommit(h, "workflow.started", run.organizationId(), RunEvents.data("started", run));
            return run;
        });
    }

    public WorkflowExecution getRun(UUID id) {
        return tx.read(
                        "Reading workflow run " + id,
                        h -> Rows.byId(tx, h, "workflow_executions", id, WorkflowExecution.class))
                .orElseThrow(() -> new NotFoundException("workflow run", id));
    }

    /** Runs of a workflow, newest first. */
    public Page<WorkflowExecution> runs(UUID workflowId, PageRequest page) {
        return tx.read(
                "Listing runs of workflow " + workflowId,
                h -> Keyset.NEWEST_FIRST.fetch(
                        tx,
                        h,
                        "workflow_executions",
                        "workflow_id = :w",
                        page,
                        WorkflowExecution.class,
                        q -> q.bind("w", workflowId)));
    }

    /**
     * Moves a run on: to running (stamping its start) or to an end (stamping end and duration).
     *
     * @throws InvalidTransitionException naming both states when the run's life cycle does not allow it
     */
    public WorkflowExecution moveRun(UUID id, ExecutionStatus to, TaskOutcome outcome) {
        return tx.write("Updating workflow run " + id, h -> {
            WorkflowExecution before = getRun(id);
            if (!before.status().next().contains(to)) {
                throw new InvalidTransitionException(
                        "workflow run",
                        id,
                        before.status(),
                        to,
                        before.status().next().stream().map(Names::of).toList());
            }
            Instant now = tx.now();
            Instant started = to == ExecutionStatus.RUNNING ? now : before.startedAt();
            int n = h.createUpdate("UPDATE workflow_executions SET status = :to, started_at = :started,"
                            + " completed_at = :completed, duration_ms = :duration, result = :result,"
                            + " output = :output, error_message = :error, updated_at = :now"
                            + " WHERE id = :id AND status = :from")
                    .bind("to", to)
                    .bindByType("started", started, Instant.class)
                    .bindByType("completed", to.isFinished() ? now : null, Instant.class)
                    .bind(
                            "duration",
                            to.isFinished() && started != null
                                    ? Duration.between(started, now).toMillis()
                                    : null)
                    .bindByType("result", outcome.result(), JsonNode.class)
                    .bind("output", outcome.output())
                    .bind("error", outcome.errorMessage())
                    .bind("now", now)
                    .bind("id", id)
                    .bind("from", before.status())
                    .execute();
            WorkflowExecution after = getRun(id);
            if (n == 0) {
                // Someone moved the run between our read and our update.
                throw new InvalidTransitionException(
                        "workflow run",
                        id,
                        after.status(),
                        to,
                        after.status().next().stream().map(Names::of).toList());
            }
            tx.auditor.record(
                    h,
                    now,
                    after.organizationId(),
                    "workflow_execution.status",
                    "workflow_execution",
                    id,
                    before,
                    after);
            if (to == ExecutionStatus.CANCELLED) {
                tx.publishOnCommit(h, "workflow.cancelled", after.organizationId(), RunEvents.data("cancelled", after));
            }
            return after;
        });
    }

    /** Every attempt of a task, first first. */
    public List<TaskExecution> attempts(UUID taskId) {
        return tx.read(
                "Reading the attempts of task " + taskId,
                h -> h.createQuery("SELECT * FROM task_executions WHERE task_id = :id ORDER BY attempt")
                        .bind("id", taskId)
                        .map(tx.rows(TaskExecution.class))
                        .list());
    }
}
