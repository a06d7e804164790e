package dev.flowbase.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowbase.Flowbase;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.util.Json;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 document of the routes, built from the route table: every route is documented
 * and nothing undocumented is served. Each operation names the role it needs ({@code x-access}),
 * its body's schema, its answers' schemas, and the problem+json answers every route may give.
 */
final class OpenApi {
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    private OpenApi() {}

    static ObjectNode document(List<Route> routes) {
        Schemas schemas = new Schemas();
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("openapi", "3.1.0");
        doc.putObject("info")
                .put("title", "Flowbase API")
                .put("version", Flowbase.version())
                .put("description", "The database layer of an AI workflow orchestrator. See docs/api.md.");
        ObjectNode paths = doc.putObject("paths");
        for (Route route : routes) {
            ObjectNode path =
                    paths.has(route.path()) ? (ObjectNode) paths.get(route.path()) : paths.putObject(route.path());
            path.set(route.method().toLowerCase(Locale.ROOT), operation(route, schemas));
        }
        ObjectNode components = doc.putObject("components");
        ObjectNode all = components.putObject("schemas");
        all.set("Problem", problem());
        ObjectNode self = all.putObject("OpenApiDocument").put("type", "object");
        self.putArray("required").add("openapi").add("info").add("paths").add("components");
        schemas.all().forEach(all::set);
        components
                .putObject("securitySchemes")
                .putObject("apiKey")
                .put("type", "http")
                .put("scheme", "bearer")
                .put("description", "An API key (fb_…): flowbase api-key create, or POST /api/api-keys");
        return doc;
    }

    private static ObjectNode operation(Route route, Schemas schemas) {
        ObjectNode op = Json.MAPPER.createObjectNode();
        op.putArray("tags").add(route.tag());
        op.put("summary", route.summary());
        op.put("operationId", operationId(route));
        op.put("x-access", route.access().label());
        if (route.access() != Access.PUBLIC) {
            op.putArray("security").addObject().putArray("apiKey");
        }
        ArrayNode parameters = op.putArray("parameters");
        Matcher m = PARAM.matcher(route.path());
        while (m.find()) {
            parameters
                    .addObject()
                    .put("name", m.group(1))
                    .put("in", "path")
                    .put("required", true)
                    .putObject("schema")
                    .put("type", "string");
        }
        route.queryParameters()
                .forEach((name, description) -> parameters
                        .addObject()
                        .put("name", name)
                        .put("in", "query")
                        .put("description", description)
                        .putObject("schema")
                        .put("type", "string"));
        if (route.access() != Access.PUBLIC) {
            parameters
                    .addObject()
                    .put("name", "_debug")
                    .put("in", "query")
                    .put("description", "true: the answer carries a _debug object (operator and admin keys)")
                    .putObject("schema")
                    .put("type", "string");
        }
        if (route.request() != null) {
            ObjectNode body = op.putObject("requestBody");
            body.put("required", true);
            body.putObject("content")
                    .putObject("application/json")
                    .set("schema", schemas.request(route.request().type()));
        }
        ObjectNode responses = op.putObject("responses");
        route.responses().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ObjectNode response = responses.putObject(String.valueOf(e.getKey()));
            response.put("description", e.getKey() == 204 ? "No content" : "Success");
            if (e.getValue().kind() == Body.Kind.TEXT) {
                response.putObject("content")
                        .putObject("text/plain")
                        .putObject("schema")
                        .put("type", "string");
            } else if (e.getValue().kind() == Body.Kind.BINARY) {
                response.putObject("content")
                        .putObject(Download.OCTETS)
                        .putObject("schema")
                        .put("type", "string")
                        .put("format", "binary");
            } else if (e.getValue().kind() != Body.Kind.NONE) {
                response.putObject("content")
                        .putObject("application/json")
                        .set("schema", schema(e.getValue(), schemas));
            }
        });
        if (route.responses().isEmpty()) {
            responses.putObject("200").put("description", "Success");
        }
        ObjectNode problem = Json.MAPPER.createObjectNode();
        problem.put("description", "A problem: the type names the error code (see docs/api.md)");
        problem.putObject("content")
                .putObject("application/problem+json")
                .putObject("schema")
                .put("$ref", "#/components/schemas/Problem");
        responses.set("default", problem);
        return op;
    }

    /** {@code getApiTasksById}: unique and stable, from the method and the path. */
    static String operationId(Route route) {
        StringBuilder id = new StringBuilder(route.method().toLowerCase(Locale.ROOT));
        for (String part : route.path().split("[/-]")) {
            if (part.isEmpty()) {
                continue;
            }
            boolean param = part.startsWith("{");
            String word = param ? part.substring(1, part.length() - 1) : part.replace(".", "");
            if (param) {
                id.append("By");
            }
            id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return id.toString();
    }

    private static JsonNode schema(Body body, Schemas schemas) {
        return switch (body.kind()) {
            case ONE -> schemas.ref(body.type());
            case LIST -> {
                ObjectNode list = Json.MAPPER.createObjectNode().put("type", "array");
                list.set("items", schemas.ref(body.type()));
                yield list;
            }
            case PAGE -> {
                ObjectNode page = Json.MAPPER.createObjectNode().put("type", "object");
                ObjectNode props = page.putObject("properties");
                props.putObject("items").put("type", "array").set("items", schemas.ref(body.type()));
                props.set("nextCursor", schemas.of(String.class, true));
                page.putArray("required").add("items").add("nextCursor");
                page.put("additionalProperties", false);
                yield page;
            }
            case NAMED -> Json.MAPPER.createObjectNode().put("$ref", "#/components/schemas/" + body.schema());
            case NONE, TEXT, BINARY -> Json.MAPPER.createObjectNode();
        };
    }

    /** RFC 9457, with the fields Flowbase adds: the request id and the field errors. */
    private static ObjectNode problem() {
        ObjectNode p = Json.MAPPER.createObjectNode().put("type", "object");
        ObjectNode props = p.putObject("properties");
        ArrayNode types = props.putObject("type").put("type", "string").putArray("enum");
        for (ErrorCode code : ErrorCode.values()) {
            types.add(Problems.TYPE_BASE + code.slug());
        }
        props.putObject("title").put("type", "string");
        props.putObject("status").put("type", "integer");
        props.putObject("detail").put("type", "string");
        props.putObject("instance").put("type", "string");
        props.putObject("requestId").put("type", "string");
        ObjectNode error = props.putObject("errors")
                .put("type", "array")
                .putObject("items")
                .put("type", "object");
        error.putObject("properties").putObject("field").put("type", "string");
        ((ObjectNode) error.get("properties")).putObject("detail").put("type", "string");
        error.putArray("required").add("field").add("detail");
        p.putArray("required")
                .add("type")
                .add("title")
                .add("status")
                .add("detail")
                .add("requestId");
        p.put("additionalProperties", false);
        return p;
    }
}
