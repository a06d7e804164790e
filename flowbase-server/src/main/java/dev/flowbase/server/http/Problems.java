package dev.flowbase.server.http;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.error.InvalidFieldException;
import dev.flowbase.queue.FallbackRefusedException;
import dev.flowbase.resilience.BreakerOpenException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 9457 problem+json bodies, their {@code type} derived from the error code like the CLI's exit
 * status. A client error (4xx) says what to fix. A server error (5xx) says only what kind of
 * failure it was and the request id: its message may name a host, a database or a statement, so
 * it goes to the log with that id and never into the body.
 */
final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    static final String TYPE_BASE = "https://flowbase.dev/problems/";

    private Problems() {}

    static void flowbase(FlowbaseException e, Context ctx) {
        ErrorCode code = e.code();
        if (e instanceof BreakerOpenException open) {
            // Refused without calling the database: its message names no host, and the breaker logged why.
            ctx.header("Retry-After", String.valueOf(BreakerOpenException.seconds(open.retryAfter())));
            write(ctx, code, e.getMessage());
            return;
        }
        if (e instanceof FallbackRefusedException refused) {
            // Its message names no host: only that the fallback takes new tasks alone, and when to retry.
            ctx.header("Retry-After", String.valueOf(FallbackRefusedException.seconds(refused.retryAfter())));
            write(ctx, code, e.getMessage());
            return;
        }
        if (code.httpStatus() >= 500) {
            LOG.warn(
                    "{} {} failed ({}, request {}): {}",
                    ctx.method(),
                    ctx.path(),
                    code.slug(),
                    RequestIds.of(ctx),
                    e.getMessage());
            write(
                    ctx,
                    code,
                    code.summary() + " The server log has the details under request id " + RequestIds.of(ctx) + ".");
            return;
        }
        List<Map<String, String>> errors = e instanceof InvalidFieldException f
                ? List.of(Map.of("field", f.field(), "detail", e.getMessage()))
                : List.of();
        write(ctx, code, e.getMessage(), errors);
    }

    /** Javalin's own refusals (a body over the size limit, say) in the same shape. */
    static void javalin(HttpResponseException e, Context ctx) {
        ErrorCode code = switch (e.getStatus()) {
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            default -> ErrorCode.INVALID_ARGUMENT;
        };
        String detail = switch (code) {
            case METHOD_NOT_ALLOWED -> ctx.method() + " is not allowed on " + ctx.path();
            case NOT_FOUND -> "No route for " + ctx.path();
            default -> code.summary();
        };
        write(ctx, code, detail);
    }

    static void unexpected(Exception e, Context ctx) {
        LOG.error("Unexpected failure on {} {} (request {})", ctx.method(), ctx.path(), RequestIds.of(ctx), e);
        write(
                ctx,
                ErrorCode.INTERNAL,
                "Unexpected failure; the server log has the details under request id " + RequestIds.of(ctx) + ".");
    }

    static void write(Context ctx, ErrorCode code, String detail) {
        write(ctx, code, detail, List.of());
    }

    static void write(Context ctx, ErrorCode code, String detail, List<Map<String, String>> errors) {
        Map<String, Object> body = body(code, code.httpStatus(), detail, ctx.path(), RequestIds.of(ctx));
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        ctx.status(code.httpStatus()).json(body).contentType("application/problem+json");
    }

    /** The problem's fields, shared with the answers Jetty gives before Javalin ({@link JettyErrors}). */
    static Map<String, Object> body(ErrorCode code, int status, String detail, String instance, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + code.slug());
        body.put("title", title(code));
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        body.put("requestId", requestId);
        return body;
    }

    /** The title in HTTP's words: the codes are shared with the CLI, whose summary speaks of arguments. */
    private static String title(ErrorCode code) {
        return code == ErrorCode.INVALID_ARGUMENT
                ? "A request field, parameter or header is not acceptable."
                : code.summary();
    }
}
