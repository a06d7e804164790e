package dev.flowbase.server.http;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** RFC 9457 problem+json bodies, derived from the error code like the CLI's exit status. */
final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {}

    static void flowbase(FlowbaseException e, Context ctx) {
        write(ctx, e.code(), e.getMessage());
    }

    static void unexpected(Exception e, Context ctx) {
        LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
        write(ctx, ErrorCode.INTERNAL, "Unexpected failure; the server log has the details");
    }

    static void write(Context ctx, ErrorCode code, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://flowbase.dev/problems/" + code.slug());
        body.put("title", code.summary());
        body.put("status", code.httpStatus());
        body.put("detail", detail);
        body.put("instance", ctx.path());
        ctx.status(code.httpStatus()).json(body).contentType("application/problem+json");
    }
}
