package dev.flowbase.server.http.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where an operation of the OpenAPI document is aimed at another organization's rows: each path
 * parameter filled with that organization's id or name, and each query parameter that narrows a
 * list (a task, a workflow, a queue, a text) set to its rows too. A path this does not know answers
 * null, so a new kind of row fails the matrix until it is taught here.
 */
final class TenancyPaths {
    /** The urls to call; whether the path names one of the victim's rows; the values the caller sent. */
    record Aimed(List<String> urls, boolean namesARow, List<String> named) {}

    private TenancyPaths() {}

    static Aimed aim(String template, List<String> queryNames, Tenant victim) {
        List<String> named = new ArrayList<>();
        String path = template;
        if (template.contains("{")) {
            String value = pathValue(template, victim);
            if (value == null) {
                return null;
            }
            named.add(value);
            path = template.replaceFirst("\\{(id|key|queue|name|slug)}", value).replace("{version}", "1");
            if (path.contains("{")) {
                return null;
            }
        }
        boolean namesARow = template.contains("{") && !template.startsWith("/api/components/");
        List<String> urls = new ArrayList<>(List.of(path));
        StringBuilder query = new StringBuilder();
        for (String name : queryNames) {
            String value = queryValue(name, victim);
            if (value != null) {
                query.append(query.isEmpty() ? '?' : '&')
                        .append(name)
                        .append('=')
                        .append(value);
                named.add(value);
            }
        }
        if (!query.isEmpty()) {
            urls.add(path + query);
        }
        return new Aimed(urls, namesARow, named);
    }

    private static String pathValue(String template, Tenant t) {
        Map<String, String> byPrefix = Map.ofEntries(
                Map.entry("/api/workflows/{id}", t.workflow()),
                Map.entry("/api/executions/{id}", t.execution()),
                Map.entry("/api/agent-roles/{id}", t.role()),
                Map.entry("/api/agent-roles/by-name/{name}", t.roleName()),
                Map.entry("/api/tasks/{id}", t.runningTask()),
                Map.entry("/api/api-keys/{id}", t.apiKey()),
                Map.entry("/api/users/{id}", t.user()),
                Map.entry("/api/configurations/{key}", t.configuration()),
                Map.entry("/api/queues/{queue}", t.queue()),
                Map.entry("/api/organizations/{slug}", t.slug()),
                // Components are the installation's, not an organization's: any name will do.
                Map.entry("/api/components/{name}", "matrix-component"));
        for (var e : byPrefix.entrySet()) {
            if (template.equals(e.getKey()) || template.startsWith(e.getKey() + "/")) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String queryValue(String name, Tenant t) {
        return switch (name) {
            case "q", "text" -> t.marker();
            case "queue" -> t.queue();
            case "taskId" -> t.runningTask();
            case "workflowId" -> t.workflow();
            case "entityType" -> "task";
            case "entityId" -> t.runningTask();
            default -> null;
        };
    }
}
