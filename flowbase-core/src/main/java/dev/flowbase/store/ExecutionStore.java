package dev.flowbase.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.util.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Runs of workflows and attempts of tasks. */
public final class ExecutionStore {
    private final Tx tx;
    private final String insertRun;
    private final String insertAttempt;

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
        this.insertAttempt = Rows.insert(
                tx,
                "task_executions",
                "id",
                "organization_id",
                "task_id",
                "workflow_execution_id",
                "attempt",
                "status",
                "worker",
                "started_at",
                "created_at",
                "updated_at");
    }

    /** Queues a run of the workflow, pinned to its latest published version. */
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
            return after;
        });
    }

    /** Records that {@code worker} started attempt {@code attempt} of a task. */
    public TaskExecution startAttempt(UUID taskId, int attempt, String worker) {
        Checks.atLeast("attempt", attempt, 1);
        Limits.text("worker", worker, Limits.NAME);
        return tx.write("Recording attempt " + attempt + " of task " + taskId, h -> {
            Task task = Rows.byId(tx, h, "tasks", taskId, Task.class)
                    .orElseThrow(() -> new NotFoundException("task", taskId));
            Instant now = tx.now();
            var run = new TaskExecution(
                    tx.newId(now),
                    task.organizationId(),
                    taskId,
                    task.workflowExecutionId(),
                    attempt,
                    ExecutionStatus.RUNNING,
                    worker,
                    null,
                    null,
                    null,
                    null,
                    now,
                    null,
                    null,
                    now,
                    now);
            h.createUpdate(insertAttempt).bindMethods(run).execute();
            return run;
        });
    }

    /** Ends an attempt with {@code status} and what it left behind, stamping its duration. */
    public TaskExecution finishAttempt(UUID attemptId, ExecutionStatus status, TaskOutcome outcome) {
        if (!status.isFinished()) {
            throw Checks.invalid("status", Names.of(status), "succeeded, failed, cancelled or timed_out");
        }
        return tx.write("Finishing task attempt " + attemptId, h -> {
            TaskExecution before = attempt(h, attemptId);
            if (before.status().isFinished()) {
                throw new InvalidTransitionException("task attempt", attemptId, before.status(), status, List.of());
            }
            Instant now = tx.now();
            h.createUpdate("UPDATE task_executions SET status = :status, result = :result, output = :output,"
                            + " error_message = :error, exit_code = :exitCode, completed_at = :now,"
                            + " duration_ms = :duration, updated_at = :now WHERE id = :id")
                    .bind("status", status)
                    .bindByType("result", outcome.result(), JsonNode.class)
                    .bind("output", outcome.output())
                    .bind("error", outcome.errorMessage())
                    .bind("exitCode", outcome.exitCode())
                    .bind("now", now)
                    .bind("duration", Duration.between(before.startedAt(), now).toMillis())
                    .bind("id", attemptId)
                    .execute();
            return attempt(h, attemptId);
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

    private TaskExecution attempt(org.jdbi.v3.core.Handle h, UUID id) {
        return Rows.byId(tx, h, "task_executions", id, TaskExecution.class)
                .orElseThrow(() -> new NotFoundException("task attempt", id));
    }
}
