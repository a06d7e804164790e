package dev.flowbase.server.web;

import dev.flowbase.store.PageRequest;
import dev.flowbase.store.Workflow;
import dev.flowbase.store.WorkflowExecution;
import dev.flowbase.store.WorkflowVersion;
import dev.flowbase.store.WorkflowWithTasks;
import java.util.List;
import java.util.UUID;

/** The organization's workflows; one workflow with its versions, its runs' progress, and its DAG drawn by state. */
final class WorkflowsPage {
    private WorkflowsPage() {}

    static String list(Visit v) {
        List<Workflow> workflows = v.stores()
                .workflows()
                .list(v.principal().organizationId(), null, PageRequest.first(200))
                .items();
        return Layout.page(
                v,
                "Workflows",
                "/workflows",
                "<section class=\"card wide\">"
                        + Html.table(
                                "Workflows",
                                Html.th("Workflow", "Status", "Version", "Updated"),
                                Html.rows(
                                        workflows,
                                        w -> "<tr><th scope=\"row\"><a href=\"/workflows/" + w.id() + "\">"
                                                + Html.esc(w.name())
                                                + "</a></th><td>" + Html.badge(w.status()) + "</td><td>"
                                                + (w.version() == null ? "—" : w.version()) + "</td><td>"
                                                + Html.time(w.updatedAt())
                                                + "</td></tr>"),
                                "No workflow yet.")
                        + "</section>");
    }

    static String one(Visit v, UUID id) {
        // Another organization's workflow is answered as missing (the stores act in the key's organization).
        Workflow w = v.stores().workflows().get(id);
        WorkflowWithTasks dag = v.stores().workflows().getWithTasks(id);
        List<WorkflowVersion> versions = v.stores().workflows().versions(id);
        List<WorkflowExecution> runs =
                v.stores().executions().runs(id, PageRequest.first(20)).items();
        String tasksInWords =
                Html.rows(dag.tasks(), t -> "<li>" + Html.esc(t.name()) + ": " + Html.badge(t.status()) + "</li>");
        return Layout.page(v, w.name(), "/workflows", """
                <p class="muted">%s</p>
                <section class="card wide" aria-labelledby="dag-h">
                  <h2 id="dag-h">Tasks</h2>
                  <div class="scroll">%s</div>
                  <ul class="dag-list">%s</ul>
                </section>
                <section class="card" aria-labelledby="runs-h">
                  <h2 id="runs-h">Runs</h2>
                  %s
                </section>
                <section class="card" aria-labelledby="versions-h">
                  <h2 id="versions-h">Versions</h2>
                  %s
                </section>""".formatted(
                Html.esc(w.description()),
                dag.tasks().isEmpty()
                        ? "<p class=\"empty\">No tasks.</p>"
                        : DagDrawing.svg(dag.tasks(), dag.dependencies()),
                tasksInWords,
                Html.table(
                        "Runs, newest first",
                        Html.th("Started", "State", "Progress"),
                        Html.rows(runs, WorkflowsPage::run),
                        "No runs yet."),
                Html.table(
                        "Published versions",
                        Html.th("Version", "Note", "Published"),
                        Html.rows(versions, x -> Html.td(x.version(), x.changeNote(), Html.time(x.createdAt()))),
                        "Not published yet.")));
    }

    private static String run(WorkflowExecution r) {
        int ended = r.tasksSucceeded() + r.tasksFailed() + r.tasksCancelled();
        return "<tr><td>" + Html.time(r.startedAt() == null ? r.createdAt() : r.startedAt()) + "</td><td>"
                + Html.badge(r.status()) + "</td><td><progress max=\"" + Math.max(1, r.tasksTotal()) + "\" value=\""
                + ended + "\" aria-label=\"Tasks ended\"></progress> " + ended + " / " + r.tasksTotal() + "</td></tr>";
    }
}
