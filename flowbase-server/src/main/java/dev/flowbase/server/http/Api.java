package dev.flowbase.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowbase.db.PoolStats;
import dev.flowbase.db.QueryTimings;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.store.Versioned;
import dev.flowbase.util.Json;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the routes on Javalin: each call checks the caller against the route's access, runs the
 * endpoint (capturing its statements when {@code ?_debug=true}), and writes the answer as JSON
 * with its ETag when the answer is a versioned row.
 */
final class Api {
    private final Services services;
    private final QueryTimings timings;

    Api(Services services) {
        this.services = services;
        this.timings = services.database().queryTimings();
    }

    void install(JavalinConfig cfg, List<Route> routes) {
        for (Route route : routes) {
            cfg.routes.addHttpHandler(HandlerType.findOrCreate(route.method()), route.path(), ctx -> call(ctx, route));
        }
    }

    private void call(Context ctx, Route route) {
        Principal principal = Authentication.require(ctx, route);
        boolean debug = "true".equals(ctx.queryParam("_debug"));
        if (debug && (principal == null || !Access.OPERATOR.allows(principal))) {
            throw new FlowbaseException(ErrorCode.FORBIDDEN, "_debug needs an operator or admin key");
        }
        Call call = new Call(ctx, principal, services);
        if (!debug) {
            write(ctx, route, route.endpoint().handle(call), null);
            return;
        }
        long started = System.nanoTime();
        Object result;
        List<QueryTimings.Captured> statements;
        try (QueryTimings.Capture capture = timings.capture()) {
            result = route.endpoint().handle(call);
            statements = capture.statements();
        }
        write(ctx, route, result, debug(statements, started));
    }

    /** What seed 001's {@code msg._debug} showed: statements by name and time (never values), the pool, the time. */
    private Map<String, Object> debug(List<QueryTimings.Captured> statements, long started) {
        PoolStats pool = services.database().poolStats();
        Map<String, Object> debug = new LinkedHashMap<>();
        debug.put("statements", statements);
        debug.put(
                "statementMs",
                statements.stream().mapToDouble(QueryTimings.Captured::ms).sum());
        debug.put(
                "pool",
                Map.of("active", pool.active(), "idle", pool.idle(), "waiting", pool.waiting(), "max", pool.max()));
        debug.put("requestMs", (System.nanoTime() - started) / 1e6);
        return debug;
    }

    private static void write(Context ctx, Route route, Object result, Map<String, Object> debug) {
        int status = route.successStatus();
        Object body = result;
        if (result instanceof Reply reply) {
            status = reply.status();
            body = reply.body();
            reply.headers().forEach(ctx::header);
        }
        if (body instanceof Versioned v) {
            ctx.header("ETag", "\"" + v.lockVersion() + "\"");
        }
        ctx.status(status);
        if (body instanceof Text text) {
            ctx.contentType(text.contentType()).result(text.text());
            return;
        }
        if (body == null && debug == null) {
            return;
        }
        if (debug != null) {
            JsonNode tree = Json.MAPPER.valueToTree(body == null ? Map.of() : body);
            if (tree instanceof ObjectNode object) {
                object.set("_debug", Json.MAPPER.valueToTree(debug));
                body = object;
            }
        }
        ctx.contentType("application/json").result(Json.write(body));
    }
}
