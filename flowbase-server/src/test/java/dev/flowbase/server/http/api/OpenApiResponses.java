package dev.flowbase.server.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.flowbase.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks an answer against the OpenAPI document the server serves: the route it came from is
 * documented, its status is (or the problem {@code default} is), and its body is valid against the
 * schema documented for that status (JSON Schema 2020-12, as OpenAPI 3.1 says).
 */
final class OpenApiResponses {
    private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private OpenApiResponses() {}

    static JsonNode document(String base) {
        return DOCUMENTS.computeIfAbsent(base, b -> {
            try {
                HttpResponse<String> r = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(b + "/openapi.json"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                return Json.MAPPER.readTree(r.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    static void check(String base, String method, String path, ApiClient.Answer answer) {
        String bare = URI.create(path).getPath();
        JsonNode doc = document(base);
        String template = template(doc, method, bare);
        if (template == null) {
            // Unrouted paths (a 404 or 405 of the server itself) answer a problem; nothing else may.
            assertThat(answer.status())
                    .as("%s %s is not documented", method, bare)
                    .isIn(404, 405);
            return;
        }
        JsonNode responses =
                doc.at("/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT) + "/responses");
        String status = String.valueOf(answer.status());
        JsonNode response = responses.has(status) ? responses.get(status) : responses.get("default");
        assertThat(response)
                .as("%s %s answered %s, which is not documented", method, template, status)
                .isNotNull();
        JsonNode content = response.get("content");
        if (content == null) {
            assertThat(answer.body())
                    .as("%s %s %s has no documented body", method, template, status)
                    .isEmpty();
            return;
        }
        String mediaType = content.fieldNames().next();
        if (!mediaType.endsWith("json")) {
            assertThat(answer.header("Content-Type")).startsWith(mediaType);
            return;
        }
        JsonNode schemaNode = content.get(mediaType).get("schema");
        if (answer.body().isEmpty() || answer.json().isMissingNode()) {
            throw new AssertionError(
                    method + " " + template + " " + status + " should have a JSON body: " + answer.body());
        }
        String key = base + " " + method + " " + template + " " + status;
        Schema schema = SCHEMAS.computeIfAbsent(key, k -> compile(doc, schemaNode));
        JsonNode body = answer.json();
        if (body instanceof ObjectNode o && o.has("_debug")) {
            body = o.deepCopy();
            ((ObjectNode) body).remove("_debug"); // documented on its own in docs/api.md, added to any object
        }
        var errors = schema.validate(Json.write(body), InputFormat.JSON);
        assertThat(errors)
                .as("%s %s %s: %s", method, template, status, answer.body())
                .isEmpty();
    }

    private static Schema compile(JsonNode doc, JsonNode schemaNode) {
        ObjectNode root = ((ObjectNode) schemaNode).deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", doc.get("components"));
        return REGISTRY.getSchema(Json.write(root), InputFormat.JSON);
    }

    /** The documented path template that {@code path} matches for {@code method}, or null. */
    static String template(JsonNode doc, String method, String path) {
        List<String> parts = List.of(path.split("/"));
        String best = null;
        for (Iterator<String> it = doc.get("paths").fieldNames(); it.hasNext(); ) {
            String t = it.next();
            if (!doc.get("paths").get(t).has(method.toLowerCase(Locale.ROOT))) {
                continue;
            }
            List<String> tp = List.of(t.split("/"));
            if (tp.size() != parts.size()) {
                continue;
            }
            boolean match = true;
            int literal = 0;
            for (int i = 0; i < tp.size() && match; i++) {
                if (tp.get(i).startsWith("{")) {
                    continue;
                }
                match = tp.get(i).equals(parts.get(i));
                literal++;
            }
            // A literal segment wins over a parameter: /agent-roles/by-name/x is not /agent-roles/{id}/…
            if (match && (best == null || literal > literals(best))) {
                best = t;
            }
        }
        return best;
    }

    private static int literals(String template) {
        return (int) Arrays.stream(template.split("/"))
                .filter(p -> !p.startsWith("{"))
                .count();
    }

    private static String escape(String template) {
        return template.replace("~", "~0").replace("/", "~1");
    }
}
