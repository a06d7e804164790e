package dev.flowbase.server.web;

import dev.flowbase.queue.QueueDepth;
import dev.flowbase.server.http.Access;
import dev.flowbase.store.PageRequest;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskFilter;
import dev.flowbase.store.TaskStatus;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Counts by queue and state, a task list filtered by status and queue, and the dead letters to requeue or cancel. */
final class QueuePage {
    private QueuePage() {}

    static String render(Visit v) {
        Optional<TaskStatus> status = v.enumQuery("status", TaskStatus.class);
        Optional<String> queue = v.query("queue");
        TaskFilter filter = TaskFilter.of(v.principal().organizationId())
                .withStatus(status.orElse(null))
                .inQueue(queue.orElse(null));
        List<Task> tasks =
                v.stores().tasks().list(filter, PageRequest.first(100)).items();
        List<Task> dead = v.stores()
                .tasks()
                .list(TaskFilter.of(v.principal().organizationId()).withStatus(TaskStatus.DEAD), PageRequest.first(100))
                .items();
        StringBuilder options = new StringBuilder("<option value=\"\">any</option>");
        for (TaskStatus s : TaskStatus.values()) {
            String name = s.name().toLowerCase(Locale.ROOT);
            options.append("<option value=\"")
                    .append(name)
                    .append('"')
                    .append(status.orElse(null) == s ? " selected" : "")
                    .append('>')
                    .append(name)
                    .append("</option>");
        }
        return Layout.page(v, "Queue", "/queue", """
                <section class="card wide" aria-labelledby="depth-h">
                  <h2 id="depth-h">Queues</h2>
                  %s
                </section>
                <section class="card wide" aria-labelledby="live-h">
                  <h2 id="live-h">Task changes, live</h2>
                  <ol id="task-events" class="events" data-events="/api/events" aria-live="polite">
                    <li class="empty">Nothing has happened since this page opened.</li>
                  </ol>
                </section>
                <section class="card wide" aria-labelledby="dead-h">
                  <h2 id="dead-h">Dead letters</h2>
                  %s
                </section>
                <section class="card wide" aria-labelledby="tasks-h">
                  <h2 id="tasks-h">Tasks</h2>
                  <form method="get" action="/queue" class="filters" hx-get="/queue" hx-select="#tasks" hx-target="#tasks" hx-swap="outerHTML" hx-push-url="true">
                    <label for="filter-status">Status</label> <select id="filter-status" name="status">%s</select>
                    <label for="filter-queue">Queue</label> <input id="filter-queue" name="queue" value="%s" placeholder="any">
                    <button type="submit">Filter</button>
                  </form>
                  <div id="tasks">%s</div>
                </section>""".formatted(
                depthTable(v.web().services().queue().withStores(v.stores()).depth()),
                deadLetters(v, dead),
                options,
                Html.esc(queue.orElse("")),
                taskTable(tasks)));
    }

    static String depthTable(List<QueueDepth> queues) {
        return Html.table(
                "Tasks by queue and state",
                Html.th("Queue", "Ready", "Delayed", "Running", "Dead"),
                Html.rows(
                        queues,
                        q -> "<tr><th scope=\"row\">" + Html.esc(q.queue()) + "</th><td>" + q.ready() + "</td><td>"
                                + q.delayed() + "</td><td>" + q.running() + "</td><td>" + q.dead() + "</td></tr>"),
                "No queue has tasks.");
    }

    private static String taskTable(List<Task> tasks) {
        return Html.table(
                "Tasks, oldest first",
                Html.th("Task", "Queue", "State", "Attempt", "Updated"),
                Html.rows(
                        tasks,
                        t -> "<tr><th scope=\"row\">" + Html.esc(t.name()) + " <code class=\"muted\">"
                                + Html.esc(t.id().toString().substring(0, 8)) + "</code></th><td>"
                                + Html.esc(t.queueName()) + "</td><td>" + Html.badge(t.status()) + "</td><td>"
                                + t.attempt() + "</td><td>" + Html.time(t.updatedAt()) + "</td></tr>"),
                "No task matches.");
    }

    private static String deadLetters(Visit v, List<Task> dead) {
        boolean may = v.may(Access.OPERATOR);
        return Html.table(
                "Dead letters",
                Html.th("Task", "Queue", "Error", "Dead since", may ? "Actions" : ""),
                Html.rows(
                        dead,
                        t -> "<tr data-task=\"" + t.id() + "\"><th scope=\"row\">" + Html.esc(t.name()) + "</th><td>"
                                + Html.esc(t.queueName()) + "</td><td>" + Html.esc(t.errorMessage()) + "</td><td>"
                                + Html.time(t.deadLetteredAt()) + "</td><td>" + (may ? actions(t) : "") + "</td></tr>"),
                "No dead letters.");
    }

    private static String actions(Task t) {
        String id = t.id().toString();
        return """
                <form data-api="POST /api/tasks/%s/requeue" data-reload class="inline">
                  <button type="submit" aria-label="Requeue %s">Requeue</button></form>
                <form data-api="POST /api/tasks/%s/cancel" data-reload class="inline">
                  <button type="submit" aria-label="Cancel %s">Cancel</button></form>""".formatted(id, Html.esc(t.name()), id, Html.esc(t.name()));
    }
}
