package dev.flowbase.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The text the schema takes, declared once and checked before any statement, so every engine
 * refuses the same value with the same 400 (PostgreSQL refused a 5,000-character name and any NUL
 * with a 500, SQLite stored both). {@link #COLUMNS} is each limited column's {@code varchar(N)};
 * a test compares it with the live schema on every engine that declares lengths.
 */
public final class Limits {
    public static final int NAME = 255;
    public static final int TYPE = 100;
    public static final int QUEUE = 100;
    public static final int KEY = 255;
    public static final int SLUG = 100;
    public static final int EMAIL = 320;
    /** MariaDB's {@code TEXT}, the smallest of the engines' unlimited-looking text columns. */
    public static final int TEXT_BYTES = 65_535;

    /** {@code table.column} to its {@code varchar} length, for the columns checked here. */
    public static final Map<String, Integer> COLUMNS = Map.ofEntries(
            Map.entry("tasks.name", NAME),
            Map.entry("tasks.type", TYPE),
            Map.entry("tasks.queue_name", QUEUE),
            Map.entry("tasks.idempotency_key", KEY),
            Map.entry("tasks.lease_owner", NAME),
            Map.entry("task_queue.queue_name", QUEUE),
            Map.entry("task_queue.lease_owner", NAME),
            Map.entry("workflows.name", NAME),
            Map.entry("workflows.type", TYPE),
            Map.entry("agent_roles.name", NAME),
            Map.entry("agent_roles.model", NAME),
            Map.entry("components.name", NAME),
            Map.entry("components.type", TYPE),
            Map.entry("components.version", TYPE),
            Map.entry("configurations.key", KEY),
            Map.entry("organizations.name", NAME),
            Map.entry("organizations.slug", SLUG),
            Map.entry("users.email", EMAIL),
            Map.entry("users.name", NAME),
            Map.entry("api_keys.name", NAME),
            Map.entry("task_executions.worker", NAME));

    private Limits() {}

    /** {@code value} when it has no NUL and at most {@code max} characters; {@code null} passes. */
    public static String text(String field, String value, int max) {
        return within(field, value, v -> v.codePointCount(0, v.length()), max, "characters");
    }

    /** A {@code text} column's value: no NUL, at most {@link #TEXT_BYTES} bytes of UTF-8. */
    public static String longText(String field, String value) {
        return within(field, value, v -> v.getBytes(StandardCharsets.UTF_8).length, TEXT_BYTES, "bytes of UTF-8");
    }

    private static String within(String field, String value, ToIntFunction<String> size, int max, String unit) {
        if (value == null) {
            return null;
        }
        noNul(field, value);
        int n = size.applyAsInt(value);
        if (n > max) {
            throw Checks.invalid(field, n + " " + unit, "at most " + max + " " + unit);
        }
        return value;
    }

    /** A JSON document whose strings and keys hold no NUL (PostgreSQL's {@code jsonb} refuses {@code \u0000}). */
    public static JsonNode json(String field, JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            noNul(field, value.asText());
        }
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            noNul(field, e.getKey());
            json(field + "." + e.getKey(), e.getValue());
        }
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                json(field + "[" + i + "]", value.get(i));
            }
        }
        return value;
    }

    /** The schema's limits on what a create and an update write, before the database sees them. */
    static void workflow(String name, String description, String type, JsonNode definition, JsonNode tags) {
        Limits.text("name", name, Limits.NAME);
        Limits.longText("description", description);
        Limits.text("type", type, Limits.TYPE);
        Limits.json("definition", definition);
        Limits.json("tags", tags);
    }

    /** The schema's limits on what a create and an update write, before the database sees them. */
    static void agentRole(AgentRole.New r) {
        agentRole(r.name(), r.description(), r.systemPrompt(), r.model(), r.tools(), r.parameters());
    }

    static void agentRole(AgentRole r) {
        agentRole(r.name(), r.description(), r.systemPrompt(), r.model(), r.tools(), r.parameters());
    }

    private static void agentRole(
            String name, String description, String prompt, String model, JsonNode tools, JsonNode parameters) {
        Limits.text("name", name, Limits.NAME);
        Limits.longText("description", description);
        Limits.longText("systemPrompt", prompt);
        Limits.text("model", model, Limits.NAME);
        Limits.json("tools", tools);
        Limits.json("parameters", parameters);
    }

    private static void noNul(String field, String value) {
        int at = value.indexOf('\u0000');
        if (at >= 0) {
            throw Checks.invalid(field, "a text with NUL (\\u0000) at character " + at, "text without NUL characters");
        }
    }
}
