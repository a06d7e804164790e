package dev.flowbase.server.http.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.server.http.Access;
import dev.flowbase.server.http.Body;
import dev.flowbase.server.http.Call;
import dev.flowbase.server.http.Reply;
import dev.flowbase.server.http.RouteGroup;
import dev.flowbase.server.http.Router;
import dev.flowbase.store.Component;

/**
 * The installation's components (servers, workers, services) registering themselves and reporting
 * their health. Components belong to the installation, not to an organization: any key reads them,
 * only a key of the installation's organization writes them, and Flowbase's own ({@code flowbase-…})
 * only Flowbase itself.
 */
public final class ComponentRoutes implements RouteGroup {
    public record Register(String name, String type, String version) {}

    public record Heartbeat(Component.Health health, JsonNode details) {}

    @Override
    public void register(Router r) {
        r.group("components");
        r.get(
                        "/api/components",
                        Access.INSTALLATION_VIEWER,
                        call -> call.stores().components().list())
                .summary("Every registered component with its health and last heartbeat")
                .returns(Body.listOf(Component.class));
        r.post("/api/components", Access.INSTALLATION_OPERATOR, this::register)
                .summary("Register a component (again: updates its type and version)")
                .accepts(Register.class)
                .returns(201, Body.of(Component.class));
        r.get(
                        "/api/components/{name}",
                        Access.INSTALLATION_VIEWER,
                        call -> call.stores().components().get(call.path("name")))
                .summary("One component")
                .returns(Component.class);
        r.post("/api/components/{name}/heartbeat", Access.INSTALLATION_OPERATOR, this::heartbeat)
                .summary("Report a component alive, with its health")
                .accepts(Heartbeat.class)
                .returns(Component.class);
    }

    private Object register(Call call) {
        Register b = call.body(Register.class);
        return Reply.status(201, call.stores().components().register(b.name(), b.type(), b.version()));
    }

    private Object heartbeat(Call call) {
        Heartbeat b = call.bodyOr(Heartbeat.class, new Heartbeat(null, null));
        Component.Health health = b.health() == null ? Component.Health.HEALTHY : b.health();
        return call.stores().components().heartbeat(call.path("name"), health, b.details());
    }
}
