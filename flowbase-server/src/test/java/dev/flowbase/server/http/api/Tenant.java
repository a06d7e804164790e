package dev.flowbase.server.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.store.LogEntry;
import dev.flowbase.store.Stores;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * One organization's rows of every kind the API serves, each carrying a marker word that appears
 * nowhere else, so any answer to another organization that holds the marker or one of these ids
 * has leaked it. Made through the API as a user would, with one task claimed (so the worker
 * routes find a lease to refuse) and one waiting in a queue of its own.
 */
record Tenant(
        String marker,
        String workflow,
        String execution,
        String role,
        String waitingTask,
        String runningTask,
        String apiKey,
        String user,
        String configuration,
        String slug) {

    /** The ids the other organization must never see in a list, a count or a search. */
    List<String> ids() {
        return List.of(workflow, execution, role, waitingTask, runningTask, apiKey, user);
    }

    String queue() {
        return marker + "-queue";
    }

    String roleName() {
        return marker + "-role";
    }

    static Tenant make(ApiClient admin, Stores stores, UUID organization, Random random) {
        StringBuilder word = new StringBuilder("tenant");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        String m = word.toString();
        String workflow = created(admin.post("/api/workflows", Map.of("name", m + "-flow", "description", m)));
        created(admin.post("/api/workflows/" + workflow + "/versions", null));
        String run = created(admin.post("/api/workflows/" + workflow + "/executions", Map.of("input", Map.of("m", m))));
        String role = created(admin.post(
                "/api/agent-roles", Map.of("name", m + "-role", "systemPrompt", "You are " + m, "description", m)));
        created(admin.post("/api/agent-roles/" + role + "/versions", Map.of("changeNote", m)));
        String waiting = created(admin.post(
                "/api/tasks",
                Map.of(
                        "name",
                        m + "-waiting",
                        "queue",
                        m + "-queue",
                        "parameters",
                        Map.of("prompt", m),
                        "workflowId",
                        workflow,
                        "workflowExecutionId",
                        run,
                        "agentRoleId",
                        role)));
        String running = created(admin.post(
                "/api/tasks", Map.of("name", m + "-running", "queue", m + "-busy", "parameters", Map.of("p", m))));
        var claimed = admin.post(
                "/api/queues/" + m + "-busy/claim", Map.of("worker", m + "-worker", "max", 1, "leaseSeconds", 3600));
        assertThat(claimed.at("/0/task/id").asText()).as(claimed.body()).isEqualTo(running);
        String key = created(admin.post("/api/api-keys", Map.of("name", m + "-key", "role", "viewer")), "/key/id");
        String user = created(
                admin.post("/api/users", Map.of("email", m + "@example.com", "name", m + " Person", "role", "viewer")));
        String config = m + ".setting";
        var put = admin.put(
                "/api/configurations/" + config, Map.of("value", m + "-value", "type", "STRING", "description", m));
        assertThat(put.status()).as(put.body()).isLessThan(300);
        stores.logs()
                .append(new LogEntry.New(
                        LogEntry.Level.WARN, "Tenancy", m + " log line", null, organization, null, null, null, null));
        String slug = stores.organizations().get(organization).slug();
        return new Tenant(m, workflow, run, role, waiting, running, key, user, config, slug);
    }

    private static String created(ApiClient.Answer answer) {
        return created(answer, "/id");
    }

    private static String created(ApiClient.Answer answer, String pointer) {
        assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
        return answer.text(pointer);
    }
}
