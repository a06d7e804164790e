package dev.flowbase.server.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** A response with a status other than the route's usual one, or with headers. */
public record Reply(int status, Object body, Map<String, String> headers) {
    /** Says an answer was given in a degraded mode (the fallback kept the task: docs/resilience.md). */
    public static final String DEGRADED = "Flowbase-Degraded";

    public Reply {
        headers = Map.copyOf(headers);
    }

    public static Reply status(int status, Object body) {
        return new Reply(status, body, Map.of());
    }

    /** This reply with {@code name} set to {@code value} besides its other headers. */
    public Reply header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, body, more);
    }

    public static Reply noContent() {
        return new Reply(204, null, Map.of());
    }
}
