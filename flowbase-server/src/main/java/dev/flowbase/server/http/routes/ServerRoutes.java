package dev.flowbase.server.http.routes;

import dev.flowbase.db.QueryTimings;
import dev.flowbase.error.InvalidFieldException;
import dev.flowbase.server.http.Access;
import dev.flowbase.server.http.Call;
import dev.flowbase.server.http.RouteGroup;
import dev.flowbase.server.http.Router;
import java.util.Map;

/**
 * This server process's own switches, changed at runtime without a restart (the admin page's
 * debug toggle). Each server keeps its own; the configuration decides again at the next start.
 */
public final class ServerRoutes implements RouteGroup {
    /** Debug mode: every statement's text and time logged (never its values). */
    public record Debug(Boolean enabled) {}

    @Override
    public void register(Router r) {
        r.group("database");
        r.get(
                        "/api/server/debug",
                        Access.VIEWER,
                        call -> new Debug(timings(call).debug()))
                .summary("Whether this server logs every statement's text and time (debug mode)")
                .returns(Debug.class);
        r.put("/api/server/debug", Access.INSTALLATION_ADMIN, this::switchDebug)
                .summary("Switch this server's debug mode until it stops (audited)")
                .accepts(Debug.class)
                .returns(Debug.class);
    }

    private static QueryTimings timings(Call call) {
        return call.services().database().queryTimings();
    }

    private Object switchDebug(Call call) {
        Debug body = call.body(Debug.class);
        if (body.enabled() == null) {
            throw new InvalidFieldException("enabled", "null", "true or false");
        }
        boolean before = timings(call).debug();
        timings(call).debug(body.enabled());
        call.stores()
                .audit()
                .record(
                        call.organization(),
                        "server.debug",
                        "server",
                        null,
                        Map.of("enabled", before),
                        Map.of("enabled", body.enabled()));
        return new Debug(body.enabled());
    }
}
