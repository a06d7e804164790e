package dev.flowbase.server.http;

import dev.flowbase.cache.Event;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.util.Json;
import io.javalin.http.Context;
import java.util.UUID;

/**
 * Which events a stream's client may see and asked for: the task and workflow events of one
 * organization (any, for an installation key that names none), narrowed by queue and run.
 *
 * @param organization null for every organization (installation keys only)
 */
record EventFilter(String organization, String queue, String run) {
    static EventFilter of(Context ctx, Principal principal) {
        String asked = ctx.queryParam("organization");
        if (asked != null) {
            uuid("organization", asked);
        }
        if (asked != null
                && !principal.installation()
                && !asked.equals(principal.organizationId().toString())) {
            throw new FlowbaseException(
                    ErrorCode.FORBIDDEN,
                    "organization " + asked + " is not this key's: a key sees only its own organization's events");
        }
        String org = asked != null
                ? asked
                : principal.installation() ? null : principal.organizationId().toString();
        String run = ctx.queryParam("run");
        if (run != null) {
            uuid("run", run);
        }
        return new EventFilter(org, ctx.queryParam("queue"), run);
    }

    boolean matches(Event e) {
        if (!e.type().startsWith("task.") && !e.type().startsWith("workflow.")) {
            return false; // the servers' own events (a key revoked) are not for clients
        }
        if (organization != null && !organization.equals(e.organization())) {
            return false;
        }
        if (queue == null && run == null) {
            return true;
        }
        var data = Json.read(e.data());
        return (queue == null || queue.equals(data.path("queue").asText()))
                && (run == null || run.equals(data.path("run").asText()));
    }

    private static void uuid(String field, String value) {
        try {
            UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new FlowbaseException(
                    ErrorCode.INVALID_ARGUMENT,
                    field + ": '" + value + "' is not a UUID (expected 8-4-4-4-12 hex digits)");
        }
    }
}
