package dev.flowbase.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowbase.util.Json;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * JSON Schemas (2020-12, as OpenAPI 3.1 uses) of the records the API reads and writes, derived
 * from the records themselves so the document cannot drift from what is sent. A record becomes an
 * object with its components as properties, all present (Jackson writes nulls); a reference type
 * may be null, a primitive may not.
 */
final class Schemas {
    private final Map<String, ObjectNode> schemas = new TreeMap<>();

    /** A reference to {@code type}'s schema, defining it (and what it holds) on first use. */
    ObjectNode ref(Class<?> type) {
        String name = nameOf(type);
        if (!schemas.containsKey(name)) {
            schemas.put(name, Json.MAPPER.createObjectNode()); // placeholder: records may refer to themselves
            schemas.put(name, define(type));
        }
        return Json.MAPPER.createObjectNode().put("$ref", "#/components/schemas/" + name);
    }

    /**
     * A reference to the schema of a request body: as {@link #ref}, but no field is required
     * (absent fields take their defaults) and unknown fields are refused, as the server does.
     */
    ObjectNode request(Class<?> type) {
        ObjectNode ref = ref(type);
        schemas.get(nameOf(type)).remove("required");
        return ref;
    }

    Map<String, ObjectNode> all() {
        return schemas;
    }

    /** {@code Task}; a nested record keeps its outer name, {@code WorkerRoutes.Claim} as {@code WorkerRoutesClaim}. */
    static String nameOf(Class<?> type) {
        Class<?> outer = type.getEnclosingClass();
        return outer == null ? type.getSimpleName() : outer.getSimpleName() + type.getSimpleName();
    }

    private ObjectNode define(Class<?> type) {
        ObjectNode schema = Json.MAPPER.createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = Json.MAPPER.createArrayNode();
        for (RecordComponent c : type.getRecordComponents()) {
            properties.set(c.getName(), of(c.getGenericType(), !c.getType().isPrimitive()));
            required.add(c.getName());
        }
        schema.set("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }

    /** The schema of a value of {@code type}; {@code nullable} adds null to what it may be. */
    JsonNode of(Type type, boolean nullable) {
        ObjectNode schema = plain(type);
        if (!nullable) {
            return schema;
        }
        ObjectNode either = Json.MAPPER.createObjectNode();
        either.putArray("anyOf").add(schema).add(Json.MAPPER.createObjectNode().put("type", "null"));
        return either;
    }

    private ObjectNode plain(Type type) {
        ObjectNode s = Json.MAPPER.createObjectNode();
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (Collection.class.isAssignableFrom(raw)) {
                s.put("type", "array").set("items", of(p.getActualTypeArguments()[0], false));
                return s;
            }
            if (Map.class.isAssignableFrom(raw)) {
                s.put("type", "object").set("additionalProperties", of(p.getActualTypeArguments()[1], true));
                return s;
            }
            return plain(raw);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return s.put("type", "string");
        }
        if (c == UUID.class) {
            return s.put("type", "string").put("format", "uuid");
        }
        if (c == Instant.class) {
            return s.put("type", "string").put("format", "date-time");
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return s.put("type", "integer");
        }
        if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
            return s.put("type", "number");
        }
        if (c == boolean.class || c == Boolean.class) {
            return s.put("type", "boolean");
        }
        if (c.isEnum()) {
            ArrayNode values = s.put("type", "string").putArray("enum");
            for (Object e : c.getEnumConstants()) {
                values.add(((Enum<?>) e).name());
            }
            return s;
        }
        if (JsonNode.class.isAssignableFrom(c) || c == Object.class) {
            return s; // any JSON
        }
        if (c.isRecord()) {
            return ref(c);
        }
        throw new IllegalStateException("no JSON Schema for " + c.getName() + ": the API should send records");
    }
}
