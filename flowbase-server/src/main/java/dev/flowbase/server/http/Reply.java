package dev.flowbase.server.http;

import java.util.Map;

/** A response with a status other than the route's usual one, or with headers. */
public record Reply(int status, Object body, Map<String, String> headers) {
    public Reply {
        headers = Map.copyOf(headers);
    }

    public static Reply status(int status, Object body) {
        return new Reply(status, body, Map.of());
    }

    public static Reply noContent() {
        return new Reply(204, null, Map.of());
    }
}
