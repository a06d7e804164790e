package dev.flowbase.server.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowbase.db.Database;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import dev.flowbase.util.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The organization rule, walked from the served OpenAPI document: for every write operation and
 * every id-bearing field of its body, another organization's id is refused as if it did not exist,
 * and the other organization's progress, run counters, task and audit log stay as they were.
 */
class CrossOrganizationWritesTest {
    /** The ids one organization holds, as a write body names them. */
    record Ids(String workflow, String execution, String role, String task) {}

    /**
     * A body per write operation whose body holds ids, with every id field set to the caller's own
     * rows: accepted as it is, so each field is known to be read. A new id field or operation fails
     * the test until it has its body here.
     */
    private static final Map<String, Function<Ids, String>> BODIES = Map.of(
            "POST /api/tasks",
            own -> task(own, "one").toString(),
            "POST /api/tasks/batch",
            own -> "{\"tasks\":[" + task(own, null) + "]}",
            "POST /api/transactions",
            own -> "{\"operations\":[{\"op\":\"insertTask\",\"task\":" + task(own, "tx") + "},"
                    + "{\"op\":\"updateTaskStatus\",\"id\":\"" + own.task() + "\",\"status\":\"cancelled\"}]}",
            "POST /api/agent-roles/{id}/dependencies",
            own -> "{\"dependsOn\":\"" + own.role() + "\"}");

    /** Id fields an operation's body shares with another type but refuses whatever the id (400 naming it). */
    private static final Set<String> REFUSED_ALWAYS = Set.of("POST /api/tasks/batch tasks[].dependsOn[]");

    @EngineTest
    void everyIdInEveryWriteBodyResolvesOnlyInTheCallersOrganization(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            ApiClient victim = api.admin;
            ApiClient caller = api.otherAdmin;
            Ids theirs = fixtures(victim, "victim");
            String before = state(victim, theirs);
            List<String> wrong = new ArrayList<>();
            int fields = 0;

            JsonNode doc = api.anonymous.get("/openapi.json").json();
            for (var path : doc.at("/paths").properties()) {
                for (var op : path.getValue().properties()) {
                    String method = op.getKey().toUpperCase(Locale.ROOT);
                    JsonNode schema = op.getValue().at("/requestBody/content/application~1json/schema");
                    if (method.equals("GET") || schema.isMissingNode()) {
                        continue;
                    }
                    List<String> ids = new ArrayList<>();
                    idFields(doc, schema, "", ids);
                    if (ids.isEmpty()) {
                        continue;
                    }
                    String operation = method + " " + path.getKey();
                    assertThat(BODIES)
                            .as("a body for %s, whose body names ids %s", operation, ids)
                            .containsKey(operation);
                    for (String field : ids) {
                        fields++;
                        Ids own = fixtures(caller, "caller-" + fields);
                        String url = path.getKey().replace("{id}", own.role());
                        String body = BODIES.get(operation).apply(own);
                        if (REFUSED_ALWAYS.contains(operation + " " + field)) {
                            String sent = body.replace(
                                    "\"name\":\"t\"", "\"name\":\"t\",\"dependsOn\":[\"" + theirs.task() + "\"]");
                            var refused = caller.send(method, url, sent, Map.of());
                            if (refused.status() != 400 || !refused.body().contains(leaf(field))) {
                                wrong.add(operation + " " + field + " answered " + refused.status() + " "
                                        + refused.body());
                            }
                            continue;
                        }
                        if (!body.contains(
                                field.substring(field.lastIndexOf('.') + 1).replace("[]", ""))) {
                            wrong.add(operation + ": the test's body has no " + field);
                            continue;
                        }
                        String swapped = swap(body, field, victimId(operation, field, theirs));
                        var refused = caller.send(method, url, swapped, Map.of());
                        if (refused.status() != 404 && refused.status() != 422) {
                            wrong.add(operation + " with the other organization's " + field + " answered "
                                    + refused.status() + " " + refused.body());
                        } else if (!refused.text("/detail").contains(leaf(field))) {
                            wrong.add(operation + " " + field + ": the problem does not name the field: "
                                    + refused.text("/detail"));
                        }
                        var accepted = caller.send(
                                method, url, BODIES.get(operation).apply(fixtures(caller, "ok-" + fields)), Map.of());
                        if (accepted.status() >= 300) {
                            wrong.add(operation + " with the caller's own ids answered " + accepted.status() + " "
                                    + accepted.body());
                        }
                    }
                }
            }

            assertThat(wrong).isEmpty();
            assertThat(fields).as("id fields found in write bodies").isGreaterThanOrEqualTo(13);
            assertThat(state(victim, theirs)).isEqualTo(before);
        }
    }

    /** A workflow with a published version and a run, an agent role and a task in the run. */
    private static Ids fixtures(ApiClient client, String name) {
        String workflow = client.post("/api/workflows", Map.of("name", name)).text("/id");
        client.post("/api/workflows/" + workflow + "/versions", null);
        String run = client.post("/api/workflows/" + workflow + "/executions", Map.of())
                .text("/id");
        String role = client.post("/api/agent-roles", Map.of("name", name, "systemPrompt", "You help."))
                .text("/id");
        String task = client.post(
                        "/api/tasks",
                        Map.of("name", name, "workflowId", workflow, "workflowExecutionId", run, "agentRoleId", role))
                .text("/id");
        return new Ids(workflow, run, role, task);
    }

    private static ObjectNode task(Ids own, String parentName) {
        ObjectNode t = Json.MAPPER.createObjectNode().put("name", "t");
        t.put("workflowId", own.workflow())
                .put("workflowExecutionId", own.execution())
                .put("agentRoleId", own.role());
        if (parentName != null) {
            t.putArray("dependsOn").add(own.task());
        }
        return t;
    }

    /** What the victim can see of its own rows: changed by nothing the caller sends. */
    private static String state(ApiClient victim, Ids ids) {
        return victim.get("/api/workflows/" + ids.workflow() + "/progress").body()
                + victim.get("/api/executions/" + ids.execution()).body()
                + victim.get("/api/tasks/" + ids.task()).body()
                + victim.get("/api/agent-roles/" + ids.role() + "/dependencies").body()
                + victim.get("/api/audit?limit=1000").at("/items").size();
    }

    private static String victimId(String operation, String field, Ids theirs) {
        return switch (leaf(field)) {
            case "workflowId" -> theirs.workflow();
            case "workflowExecutionId" -> theirs.execution();
            case "agentRoleId" -> theirs.role();
            case "dependsOn" -> operation.startsWith("POST /api/agent-roles") ? theirs.role() : theirs.task();
            case "id" -> theirs.task();
            default -> throw new AssertionError("no other organization's id known for " + field + " of " + operation);
        };
    }

    private static String leaf(String field) {
        String last = field.substring(field.lastIndexOf('.') + 1);
        return last.replace("[]", "");
    }

    /** The fields of {@code schema} that hold ids (format uuid), as dotted paths with {@code []} for arrays. */
    private static void idFields(JsonNode doc, JsonNode schema, String at, List<String> out) {
        if (schema.has("$ref")) {
            idFields(doc, doc.at(schema.get("$ref").asText().substring(1)), at, out);
            return;
        }
        for (JsonNode choice : schema.path("anyOf")) {
            idFields(doc, choice, at, out);
        }
        if ("uuid".equals(schema.path("format").asText())) {
            out.add(at);
        }
        if (schema.has("items")) {
            idFields(doc, schema.get("items"), at + "[]", out);
        }
        for (var p : schema.path("properties").properties()) {
            idFields(doc, p.getValue(), at.isEmpty() ? p.getKey() : at + "." + p.getKey(), out);
        }
    }

    /** {@code body} with every value at {@code field} (present in the body) replaced by {@code id}. */
    private static String swap(String body, String field, String id) {
        JsonNode tree = Json.read(body);
        set(tree, List.of(field.split("\\.")), id);
        return tree.toString();
    }

    private static void set(JsonNode node, List<String> path, String id) {
        if (node instanceof ArrayNode array) {
            array.forEach(e -> set(e, path, id));
            return;
        }
        String step = path.get(0);
        boolean many = step.endsWith("[]");
        String name = step.replace("[]", "");
        if (!(node instanceof ObjectNode object) || !object.has(name)) {
            return;
        }
        if (path.size() > 1) {
            set(object.get(name), path.subList(1, path.size()), id);
        } else if (many) {
            ArrayNode values = (ArrayNode) object.get(name);
            for (int i = 0; i < values.size(); i++) {
                values.set(i, Json.MAPPER.getNodeFactory().textNode(id));
            }
        } else {
            object.put(name, id);
        }
    }
}
