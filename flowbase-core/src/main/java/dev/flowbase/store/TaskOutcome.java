package dev.flowbase.store;

import com.fasterxml.jackson.databind.JsonNode;

/** What a task left behind when it stopped: a structured result, captured output, an error. All optional. */
public record TaskOutcome(JsonNode result, String output, String errorMessage, Integer exitCode) {
    public TaskOutcome {
        Limits.json("result", result);
        Limits.longText("output", output);
        Limits.longText("error", errorMessage);
    }

    public static final TaskOutcome NONE = new TaskOutcome(null, null, null, null);

    public static TaskOutcome result(JsonNode result) {
        return new TaskOutcome(result, null, null, null);
    }

    public static TaskOutcome error(String message) {
        return new TaskOutcome(null, null, message, null);
    }
}
