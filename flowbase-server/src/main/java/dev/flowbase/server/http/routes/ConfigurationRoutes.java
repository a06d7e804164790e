package dev.flowbase.server.http.routes;

import dev.flowbase.error.InvalidFieldException;
import dev.flowbase.server.http.Access;
import dev.flowbase.server.http.Body;
import dev.flowbase.server.http.Call;
import dev.flowbase.server.http.Reply;
import dev.flowbase.server.http.RouteGroup;
import dev.flowbase.server.http.Router;
import dev.flowbase.store.Configuration;
import dev.flowbase.store.NotFoundException;

/**
 * The organization's configurations. Sensitive values are stored sealed and always shown masked;
 * only an admin may reveal one, and every reveal is written to the audit log.
 */
public final class ConfigurationRoutes implements RouteGroup {
    public record Put(String value, Configuration.Type type, Boolean sensitive, String description) {}

    public record Revealed(String key, String value) {}

    @Override
    public void register(Router r) {
        r.group("configurations");
        r.get(
                        "/api/configurations",
                        Access.VIEWER,
                        call -> call.stores().configurations().list(call.organization()))
                .summary("The organization's configurations, sensitive values masked")
                .returns(Body.listOf(Configuration.class));
        r.get("/api/configurations/{key}", Access.VIEWER, this::get)
                .summary("One configuration, a sensitive value masked; its ETag is its version")
                .returns(Configuration.class);
        r.put("/api/configurations/{key}", Access.ADMIN, this::put)
                .summary("Create or replace a configuration (a sensitive one is sealed with the master key)")
                .accepts(Put.class)
                .returns(Configuration.class);
        r.post("/api/configurations/{key}/reveal", Access.ADMIN, this::reveal)
                .summary("A sensitive value in clear; the reveal is audited")
                .returns(Revealed.class);
        r.delete("/api/configurations/{key}", Access.ADMIN, this::delete)
                .summary("Delete a configuration")
                .returns(204, Body.NONE);
    }

    private Configuration found(Call call) {
        String key = call.path("key");
        return call.stores()
                .configurations()
                .get(call.organization(), key)
                .orElseThrow(() -> new NotFoundException("configuration", key));
    }

    private Object get(Call call) {
        return found(call);
    }

    private Object put(Call call) {
        Put b = call.body(Put.class);
        if (b.type() == null) {
            throw new InvalidFieldException("type", "null", "one of STRING, INTEGER, NUMBER, BOOLEAN, JSON");
        }
        var existing = call.stores().configurations().get(call.organization(), call.path("key"));
        existing.ifPresent(c -> call.requireMatch("configuration " + c.key(), c.lockVersion()));
        return call.stores()
                .configurations()
                .put(
                        call.organization(),
                        call.path("key"),
                        b.value(),
                        b.type(),
                        Boolean.TRUE.equals(b.sensitive()),
                        b.description());
    }

    private Object reveal(Call call) {
        Configuration c = found(call);
        String value = call.stores()
                .configurations()
                .reveal(call.organization(), c.key())
                .orElse(null);
        return new Revealed(c.key(), value);
    }

    private Object delete(Call call) {
        call.stores().configurations().delete(call.organization(), found(call).key());
        return Reply.noContent();
    }
}
