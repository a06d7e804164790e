package dev.flowbase.server.http.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.error.InvalidFieldException;
import dev.flowbase.queue.EnqueueOutcome;
import dev.flowbase.queue.Queue;
import dev.flowbase.server.http.Access;
import dev.flowbase.server.http.Body;
import dev.flowbase.server.http.Call;
import dev.flowbase.server.http.Reply;
import dev.flowbase.server.http.RouteGroup;
import dev.flowbase.server.http.Router;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskExecution;
import dev.flowbase.store.TaskFilter;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.store.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Tasks: enqueue one or a batch, read, list with filters, requeue, cancel. */
public final class TaskRoutes implements RouteGroup {
    /** A task to enqueue; only {@code name} is required. Defaults: queue default, priority 0, 3 retries, now. */
    public record EnqueueTask(
            String name,
            String description,
            String type,
            String queue,
            Integer priority,
            Integer maxRetries,
            JsonNode parameters,
            String idempotencyKey,
            Instant runAt,
            Integer timeoutSeconds,
            UUID workflowId,
            UUID workflowExecutionId,
            UUID agentRoleId,
            List<UUID> dependsOn) {}

    public record EnqueueBatch(List<EnqueueTask> tasks) {}

    public record Enqueued(int enqueued) {}

    /** Move a task to {@code status}; the outcome fields are kept with it when given. */
    public record StatusChange(String status, JsonNode result, String output, String error) {}

    @Override
    public void register(Router r) {
        r.group("tasks");
        r.post("/api/tasks", Access.OPERATOR, this::enqueue)
                .summary(
                        "Enqueue a task (an idempotency key already used returns that task with 200; 202 while the database is away and a fallback keeps it)")
                .accepts(EnqueueTask.class)
                .returns(201, Body.of(Task.class))
                .returns(200, Body.of(Task.class))
                .returns(202, Body.of(Task.class));
        r.post("/api/tasks/batch", Access.OPERATOR, this::enqueueBatch)
                .summary("Enqueue many tasks in one transaction (no dependencies)")
                .accepts(EnqueueBatch.class)
                .returns(201, Body.of(Enqueued.class));
        r.get("/api/tasks", Access.VIEWER, this::list)
                .summary("List tasks, oldest first, filtered by status, workflow and queue")
                .query("status", "pending, ready, running, succeeded, failed, cancelled or dead")
                .query("workflowId", "only this workflow's tasks")
                .query("queue", "only this queue's tasks")
                .query("limit", "page size, 1 to 1000 (50)")
                .query("cursor", "the nextCursor of the page before")
                .returns(Body.pageOf(Task.class));
        r.get("/api/tasks/{id}", Access.VIEWER, this::get)
                .summary("Read a task; its ETag is its version")
                .returns(Task.class)
                .staleWhileDown();
        r.get("/api/tasks/{id}/attempts", Access.VIEWER, this::attempts)
                .summary("Every attempt of the task: worker, times, outcome, error")
                .returns(Body.listOf(TaskExecution.class));
        r.post("/api/tasks/{id}/requeue", Access.OPERATOR, this::requeue)
                .summary("Make a failed or dead task ready again")
                .returns(Task.class);
        r.post("/api/tasks/{id}/cancel", Access.OPERATOR, this::cancel)
                .summary("Cancel a task that has not finished, skipping the tasks below it")
                .returns(Task.class);
        r.post("/api/tasks/{id}/status", Access.OPERATOR, this::changeStatus)
                .summary("Move a task to another state its life cycle allows (409 names the states it may take)")
                .accepts(StatusChange.class)
                .returns(Task.class);
    }

    private Object enqueue(Call call) {
        EnqueueTask body = call.body(EnqueueTask.class);
        List<UUID> parents = body.dependsOn() == null ? List.of() : body.dependsOn();
        EnqueueOutcome enqueued = call.queue().enqueueOnce(toNew(call, body), parents);
        if (enqueued.deferred()) {
            // Kept by the fallback until the database returns: accepted, not yet claimable.
            return Reply.status(202, enqueued.task()).header(Reply.DEGRADED, "fallback");
        }
        return Reply.status(enqueued.added() ? 201 : 200, enqueued.task());
    }

    private Object enqueueBatch(Call call) {
        EnqueueBatch body = call.body(EnqueueBatch.class);
        if (body.tasks() == null || body.tasks().isEmpty()) {
            throw new InvalidFieldException(
                    "tasks", body.tasks() == null ? "null" : "[]", "an array of 1 to 1000 tasks");
        }
        if (body.tasks().size() > 1000) {
            throw new InvalidFieldException("tasks", body.tasks().size() + " tasks", "at most 1000 in one batch");
        }
        List<NewTask> tasks = new ArrayList<>();
        for (int i = 0; i < body.tasks().size(); i++) {
            EnqueueTask t = body.tasks().get(i);
            if (t.dependsOn() != null && !t.dependsOn().isEmpty()) {
                throw new InvalidFieldException(
                        "tasks[" + i + "].dependsOn", "present", "none in a batch; enqueue a task with parents alone");
            }
            try {
                tasks.add(toNew(call, t));
            } catch (InvalidFieldException e) {
                throw e.within("tasks[" + i + "].");
            }
        }
        return Reply.status(201, new Enqueued(call.queue().enqueueAll(tasks)));
    }

    static NewTask toNew(Call call, EnqueueTask t) {
        NewTask base = NewTask.named(call.organization(), t.name());
        return new NewTask(
                call.organization(),
                t.name(),
                t.description(),
                t.workflowId(),
                t.workflowExecutionId(),
                t.agentRoleId(),
                t.type() == null ? base.type() : t.type(),
                t.queue() == null ? base.queueName() : t.queue(),
                t.priority() == null ? base.priority() : t.priority(),
                base.executionOrder(),
                t.maxRetries() == null ? base.maxRetries() : t.maxRetries(),
                t.parameters(),
                t.idempotencyKey(),
                t.runAt(),
                t.timeoutSeconds());
    }

    static Task owned(Call call, UUID id) {
        return owned(call, call.stores(), id);
    }

    /** The task, read through {@code stores} (a transaction's): one of the caller's organization, or not found. */
    static Task owned(Call call, Stores stores, UUID id) {
        return stores.tasks().get(id);
    }

    private Object list(Call call) {
        TaskFilter filter = TaskFilter.of(call.organization());
        filter = filter.withStatus(call.query("status", s -> Enums.parse("status", s, TaskStatus.class))
                .orElse(null));
        filter = filter.inWorkflow(call.uuidQuery("workflowId").orElse(null));
        filter = filter.inQueue(call.query("queue").orElse(null));
        return call.stores().tasks().list(filter, call.page());
    }

    private Object get(Call call) {
        return owned(call, call.uuid("id"));
    }

    private Object attempts(Call call) {
        return call.stores().executions().attempts(owned(call, call.uuid("id")).id());
    }

    private Object requeue(Call call) {
        return call.queue().requeue(call.uuid("id"));
    }

    private Object changeStatus(Call call) {
        return changeStatus(call.queue(), call.uuid("id"), call.body(StatusChange.class));
    }

    /** The status move behind both {@code /status} and a transaction's {@code updateTaskStatus}. */
    static Task changeStatus(Queue queue, UUID id, StatusChange body) {
        if (body.status() == null) {
            throw new InvalidFieldException(
                    "status", "null", "one of pending, ready, running, succeeded, failed, cancelled, dead");
        }
        TaskStatus to = Enums.parse("status", body.status(), TaskStatus.class);
        return queue.move(id, to, new TaskOutcome(body.result(), body.output(), body.error(), null));
    }

    /** Cancels the task; the queue audits it as the caller. */
    private Object cancel(Call call) {
        return call.queue().cancel(call.uuid("id"));
    }
}
