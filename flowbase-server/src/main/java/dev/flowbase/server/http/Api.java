package dev.flowbase.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowbase.db.PoolStats;
import dev.flowbase.db.QueryTimings;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.resilience.BreakerOpenException;
import dev.flowbase.store.Versioned;
import dev.flowbase.util.Json;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the routes on Javalin: each call checks the caller against the route's access, runs the
 * endpoint (capturing its statements when {@code ?_debug=true}), and writes the answer as JSON
 * with its ETag when the answer is a versioned row. A route that may be served stale keeps its last
 * answer, and answers with it while the database's breaker is open ({@link StaleAnswers}).
 */
final class Api {
    private final Services services;
    private final QueryTimings timings;
    private final StaleAnswers stale;

    Api(Services services, StaleAnswers stale) {
        this.services = services;
        this.timings = services.database().queryTimings();
        this.stale = stale;
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
        try {
            answer(ctx, route, principal, debug);
        } catch (BreakerOpenException open) {
            StaleAnswers.Copy copy = route.servesStale() && principal != null
                    ? stale.find(principal.organizationId(), ctx.path()).orElseThrow(() -> open)
                    : null;
            if (copy == null) {
                throw services.queue().fallback().refusal(open, services.database());
            }
            writeStale(ctx, copy, debug, open);
            return;
        } catch (FlowbaseException e) {
            throw services.queue().fallback().refusal(e, services.database());
        }
        if (principal != null && !"GET".equals(route.method()) && ctx.status().isSuccess()) {
            stale.forget(principal.organizationId(), ctx.path());
        }
    }

    private void answer(Context ctx, Route route, Principal principal, boolean debug) {
        Call call = new Call(ctx, principal, services);
        if (!debug) {
            Object result = route.endpoint().handle(call);
            String written = write(ctx, route, result, null);
            if (route.servesStale() && principal != null && written != null && ctx.status() == HttpStatus.OK) {
                Object body = result instanceof Reply reply ? reply.body() : result;
                stale.keep(principal.organizationId(), ctx.path(), etag(body), written);
            }
            return;
        }
        long started = System.nanoTime();
        Object result;
        List<QueryTimings.Captured> statements;
        try (QueryTimings.Capture capture = timings.capture()) {
            result = route.endpoint().handle(call);
            statements = capture.statements();
        }
        Map<String, Object> debugged = debug(statements, started);
        if (result instanceof Reply reply && reply.headers().containsKey(Reply.DEGRADED)) {
            debugged.put(
                    "degraded",
                    "the database is unreachable: the task waits in the fallback's outbox and is written to"
                            + " the database, with this id, when it answers again");
        }
        write(ctx, route, result, debugged);
    }

    /** The kept answer, marked: {@code Flowbase-Stale} and {@code Age} headers, and in {@code _debug}. */
    private void writeStale(Context ctx, StaleAnswers.Copy copy, boolean debug, BreakerOpenException open) {
        long age = copy.ageSeconds(stale.now());
        ctx.header(StaleAnswers.HEADER, "true");
        ctx.header("Age", String.valueOf(age));
        if (copy.etag() != null) {
            ctx.header("ETag", copy.etag());
        }
        JsonNode body = copy.body();
        if (debug && body instanceof ObjectNode object) {
            Map<String, Object> why = new LinkedHashMap<>();
            why.put("stale", true);
            why.put("readAt", copy.readAt().toString());
            why.put("ageSeconds", age);
            why.put(
                    "reason",
                    "the database's circuit breaker is open; retry after "
                            + BreakerOpenException.seconds(open.retryAfter()) + " s for a fresh answer");
            object = object.deepCopy();
            object.set("_debug", Json.MAPPER.valueToTree(why));
            body = object;
        }
        ctx.status(200).contentType("application/json").result(Json.write(body));
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

    private static String etag(Object body) {
        return body instanceof Versioned v ? "\"" + v.lockVersion() + "\"" : null;
    }

    /** Writes the answer; returns the JSON written, or null when the answer was empty or not JSON. */
    private static String write(Context ctx, Route route, Object result, Map<String, Object> debug) {
        int status = route.successStatus();
        Object body = result;
        if (result instanceof Reply reply) {
            status = reply.status();
            body = reply.body();
            reply.headers().forEach(ctx::header);
        }
        if (etag(body) != null) {
            ctx.header("ETag", etag(body));
        }
        ctx.status(status);
        if (body instanceof Download download) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"");
            ctx.contentType(download.contentType()).result(download.stream());
            return null;
        }
        if (body instanceof Text text) {
            ctx.contentType(text.contentType()).result(text.text());
            return null;
        }
        if (body == null && debug == null) {
            return null;
        }
        if (debug != null) {
            JsonNode tree = Json.MAPPER.valueToTree(body == null ? Map.of() : body);
            if (tree instanceof ObjectNode object) {
                object.set("_debug", Json.MAPPER.valueToTree(debug));
                body = object;
            }
        }
        String json = Json.write(body);
        ctx.contentType("application/json").result(json);
        return json;
    }
}
