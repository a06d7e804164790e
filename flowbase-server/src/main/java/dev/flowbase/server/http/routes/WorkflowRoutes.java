package dev.flowbase.server.http.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.cache.Shared;
import dev.flowbase.server.http.Access;
import dev.flowbase.server.http.Body;
import dev.flowbase.server.http.Call;
import dev.flowbase.server.http.Reply;
import dev.flowbase.server.http.RouteGroup;
import dev.flowbase.server.http.Router;
import dev.flowbase.store.ExecutionStatus;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.store.Workflow;
import dev.flowbase.store.WorkflowExecution;
import dev.flowbase.store.WorkflowProgress;
import dev.flowbase.store.WorkflowVersion;
import java.util.UUID;

/** Workflows, their published versions, and their runs (workflow executions). */
public final class WorkflowRoutes implements RouteGroup {
    /** A new workflow; only {@code name} is required. */
    public record NewWorkflow(
            String name, String description, String type, Integer priority, JsonNode definition, JsonNode tags) {}

    /** The fields a PATCH may change; absent fields stay as they are. */
    public record WorkflowChange(
            String name,
            String description,
            Workflow.Status status,
            Integer priority,
            JsonNode definition,
            JsonNode tags,
            Integer timeoutSeconds) {}

    public record Publish(String changeNote) {}

    public record StartRun(JsonNode input) {}

    private final PublishedVersions published;

    /** {@code shared}: where published versions are kept (Redis when configured); the stores publish runs' events. */
    public WorkflowRoutes(Shared shared) {
        this.published = new PublishedVersions(shared.cache(), "workflow");
    }

    @Override
    public void register(Router r) {
        r.group("workflows");
        r.get("/api/workflows", Access.VIEWER, this::list)
                .summary("List the organization's workflows")
                .query("status", "draft, active, paused or archived")
                .query("limit", "page size, 1 to 1000 (50)")
                .query("cursor", "the nextCursor of the page before")
                .returns(Body.pageOf(Workflow.class));
        r.post("/api/workflows", Access.OPERATOR, this::create)
                .summary("Create a workflow (a draft)")
                .accepts(NewWorkflow.class)
                .returns(201, Body.of(Workflow.class));
        r.get("/api/workflows/{id}", Access.VIEWER, this::get)
                .summary("Read a workflow; its ETag is its version for If-Match")
                .returns(Workflow.class)
                .staleWhileDown();
        r.patch("/api/workflows/{id}", Access.OPERATOR, this::change)
                .summary("Change a workflow's fields (If-Match: the ETag read)")
                .accepts(WorkflowChange.class)
                .returns(Workflow.class);
        r.delete("/api/workflows/{id}", Access.OPERATOR, this::delete)
                .summary("Delete a workflow and its versions")
                .returns(204, Body.NONE);
        r.get("/api/workflows/{id}/progress", Access.VIEWER, this::progress)
                .summary("How far the workflow's tasks have got, by state")
                .returns(WorkflowProgress.class);
        r.post("/api/workflows/{id}/versions", Access.OPERATOR, this::publish)
                .summary("Publish the workflow's current definition as its next version")
                .accepts(Publish.class)
                .returns(201, Body.of(WorkflowVersion.class));
        r.get("/api/workflows/{id}/versions", Access.VIEWER, this::versions)
                .summary("The workflow's published versions, oldest first")
                .returns(Body.listOf(WorkflowVersion.class))
                .staleWhileDown();
        r.get("/api/workflows/{id}/versions/{version}", Access.VIEWER, this::version)
                .summary("One published version")
                .returns(WorkflowVersion.class)
                .staleWhileDown();
        r.post("/api/workflows/{id}/executions", Access.OPERATOR, this::start)
                .summary("Start a run of the workflow")
                .accepts(StartRun.class)
                .returns(201, Body.of(WorkflowExecution.class));
        r.get("/api/workflows/{id}/executions", Access.VIEWER, this::runs)
                .summary("The workflow's runs, newest first")
                .query("limit", "page size, 1 to 1000 (50)")
                .query("cursor", "the nextCursor of the page before")
                .returns(Body.pageOf(WorkflowExecution.class));
        r.get("/api/executions/{id}", Access.VIEWER, this::run)
                .summary("One run, with its task counters")
                .returns(WorkflowExecution.class)
                .staleWhileDown();
        r.post("/api/executions/{id}/cancel", Access.OPERATOR, this::cancelRun)
                .summary("Cancel a run that has not ended")
                .returns(WorkflowExecution.class);
    }

    private Object list(Call call) {
        Workflow.Status status = call.query("status", t -> Enums.parse("status", t, Workflow.Status.class))
                .orElse(null);
        return call.stores().workflows().list(call.organization(), status, call.page());
    }

    private Object create(Call call) {
        NewWorkflow body = call.body(NewWorkflow.class);
        var created = call.stores()
                .workflows()
                .create(new Workflow.New(
                        call.organization(),
                        body.name(),
                        body.description(),
                        body.type(),
                        body.priority(),
                        body.definition(),
                        body.tags(),
                        null));
        return Reply.status(201, created);
    }

    private Workflow owned(Call call) {
        UUID id = call.uuid("id");
        return call.stores().workflows().get(id);
    }

    private Object get(Call call) {
        return owned(call);
    }

    private Object change(Call call) {
        WorkflowChange body = call.body(WorkflowChange.class);
        Workflow w = owned(call);
        call.requireMatch("workflow " + w.id(), w.lockVersion());
        Workflow changed = w.toBuilder()
                .name(body.name() == null ? w.name() : body.name())
                .description(body.description() == null ? w.description() : body.description())
                .status(body.status() == null ? w.status() : body.status())
                .priority(body.priority() == null ? w.priority() : body.priority())
                .definition(body.definition() == null ? w.definition() : body.definition())
                .tags(body.tags() == null ? w.tags() : body.tags())
                .timeoutSeconds(body.timeoutSeconds() == null ? w.timeoutSeconds() : body.timeoutSeconds())
                .build();
        return call.stores().workflows().update(changed);
    }

    private Object delete(Call call) {
        UUID id = owned(call).id();
        var versions = call.stores().workflows().versions(id).stream()
                .map(WorkflowVersion::version)
                .toList();
        call.stores().workflows().delete(id);
        published.forget(call.organization(), id, versions);
        return Reply.noContent();
    }

    private Object progress(Call call) {
        return call.stores().tasks().getWorkflowProgress(owned(call).id());
    }

    private Object publish(Call call) {
        Publish body = call.bodyOr(Publish.class, new Publish(null));
        return Reply.status(201, call.stores().workflows().publish(owned(call).id(), body.changeNote(), null));
    }

    private Object versions(Call call) {
        return call.stores().workflows().versions(owned(call).id());
    }

    private Object version(Call call) {
        int version = Enums.positive("version", call.path("version"));
        return published.get(
                call.organization(),
                call.uuid("id"),
                version,
                WorkflowVersion.class,
                () -> call.stores().workflows().version(owned(call).id(), version));
    }

    private Object start(Call call) {
        StartRun body = call.bodyOr(StartRun.class, new StartRun(null));
        return Reply.status(
                201, call.stores().executions().startWorkflow(owned(call).id(), body.input(), null));
    }

    private Object runs(Call call) {
        return call.stores().executions().runs(owned(call).id(), call.page());
    }

    private WorkflowExecution ownedRun(Call call) {
        UUID id = call.uuid("id");
        return call.stores().executions().getRun(id);
    }

    private Object run(Call call) {
        return ownedRun(call);
    }

    private Object cancelRun(Call call) {
        WorkflowExecution run = ownedRun(call);
        return call.stores()
                .executions()
                .moveRun(run.id(), ExecutionStatus.CANCELLED, TaskOutcome.error("cancelled through the API"));
    }
}
