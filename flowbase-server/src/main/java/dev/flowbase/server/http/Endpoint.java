package dev.flowbase.server.http;

/**
 * What a route does: reads the call and returns the body to send as JSON (or a {@link Reply} for
 * another status or headers). Errors are thrown as {@link dev.flowbase.error.FlowbaseException}.
 */
@FunctionalInterface
public interface Endpoint {
    Object handle(Call call);
}
