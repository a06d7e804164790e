package dev.flowbase.server.http.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.cache.Cache;
import dev.flowbase.error.InvalidFieldException;
import dev.flowbase.server.http.Access;
import dev.flowbase.server.http.Body;
import dev.flowbase.server.http.Call;
import dev.flowbase.server.http.Reply;
import dev.flowbase.server.http.RouteGroup;
import dev.flowbase.server.http.Router;
import dev.flowbase.store.AgentRole;
import dev.flowbase.store.AgentRoleVersion;
import dev.flowbase.store.NotFoundException;
import java.util.UUID;

/** Agent roles (the prompts and models agents run with), their versions and dependencies. */
public final class AgentRoleRoutes implements RouteGroup {
    public record NewRole(
            String name, String description, String systemPrompt, String model, JsonNode tools, JsonNode parameters) {}

    public record RoleChange(
            String description,
            String systemPrompt,
            String model,
            JsonNode tools,
            JsonNode parameters,
            AgentRole.Status status) {}

    public record Publish(String changeNote) {}

    public record Dependency(UUID dependsOn) {}

    private final PublishedVersions published;

    /** {@code cache}: where published versions are kept (shared in Redis when configured). */
    public AgentRoleRoutes(Cache cache) {
        this.published = new PublishedVersions(cache, "agent-role");
    }

    @Override
    public void register(Router r) {
        r.group("agent roles");
        r.get("/api/agent-roles", Access.VIEWER, this::list)
                .summary("List the organization's agent roles")
                .query("status", "draft, active, deprecated or archived")
                .query("limit", "page size, 1 to 1000 (50)")
                .query("cursor", "the nextCursor of the page before")
                .returns(Body.pageOf(AgentRole.class));
        r.post("/api/agent-roles", Access.OPERATOR, this::create)
                .summary("Create an agent role")
                .accepts(NewRole.class)
                .returns(201, Body.of(AgentRole.class));
        r.get("/api/agent-roles/by-name/{name}", Access.VIEWER, this::byName)
                .summary("Look an agent role up by its name (to build a prompt)")
                .returns(AgentRole.class);
        r.get("/api/agent-roles/{id}", Access.VIEWER, this::get)
                .summary("Read an agent role; its ETag is its version")
                .returns(AgentRole.class)
                .staleWhileDown();
        r.patch("/api/agent-roles/{id}", Access.OPERATOR, this::change)
                .summary("Change an agent role's fields (If-Match: the ETag read)")
                .accepts(RoleChange.class)
                .returns(AgentRole.class);
        r.delete("/api/agent-roles/{id}", Access.OPERATOR, this::delete)
                .summary("Delete an agent role")
                .returns(204, Body.NONE);
        r.post("/api/agent-roles/{id}/versions", Access.OPERATOR, this::publish)
                .summary("Publish the role as it is now as its next version")
                .accepts(Publish.class)
                .returns(201, Body.of(AgentRoleVersion.class));
        r.get("/api/agent-roles/{id}/versions", Access.VIEWER, this::versions)
                .summary("The role's published versions, oldest first")
                .returns(Body.listOf(AgentRoleVersion.class))
                .staleWhileDown();
        r.get("/api/agent-roles/{id}/versions/{version}", Access.VIEWER, this::version)
                .summary("One published version of the role")
                .returns(AgentRoleVersion.class)
                .staleWhileDown();
        r.get("/api/agent-roles/{id}/dependencies", Access.VIEWER, this::dependencies)
                .summary("The roles this role depends on")
                .returns(Body.listOf(AgentRole.class));
        r.post("/api/agent-roles/{id}/dependencies", Access.OPERATOR, this::addDependency)
                .summary("Make this role depend on another (a cycle is refused)")
                .accepts(Dependency.class)
                .returns(Body.listOf(AgentRole.class));
    }

    private Object list(Call call) {
        AgentRole.Status status = call.query("status", t -> Enums.parse("status", t, AgentRole.Status.class))
                .orElse(null);
        return call.stores().agentRoles().list(call.organization(), status, call.page());
    }

    private Object create(Call call) {
        NewRole b = call.body(NewRole.class);
        return Reply.status(
                201,
                call.stores()
                        .agentRoles()
                        .create(new AgentRole.New(
                                call.organization(),
                                b.name(),
                                b.description(),
                                b.systemPrompt(),
                                b.model(),
                                b.tools(),
                                b.parameters(),
                                null)));
    }

    private AgentRole owned(Call call, UUID id) {
        return call.stores().agentRoles().get(id);
    }

    private Object byName(Call call) {
        String name = call.path("name");
        return call.stores()
                .agentRoles()
                .findByName(call.organization(), name)
                .orElseThrow(() -> new NotFoundException("agent role", name));
    }

    private Object get(Call call) {
        return owned(call, call.uuid("id"));
    }

    private Object change(Call call) {
        RoleChange b = call.body(RoleChange.class);
        AgentRole a = owned(call, call.uuid("id"));
        call.requireMatch("agent role " + a.id(), a.lockVersion());
        return call.stores()
                .agentRoles()
                .update(a.toBuilder()
                        .description(b.description() == null ? a.description() : b.description())
                        .systemPrompt(b.systemPrompt() == null ? a.systemPrompt() : b.systemPrompt())
                        .model(b.model() == null ? a.model() : b.model())
                        .tools(b.tools() == null ? a.tools() : b.tools())
                        .parameters(b.parameters() == null ? a.parameters() : b.parameters())
                        .status(b.status() == null ? a.status() : b.status())
                        .build());
    }

    private Object delete(Call call) {
        UUID id = owned(call, call.uuid("id")).id();
        var versions = call.stores().agentRoles().versions(id).stream()
                .map(AgentRoleVersion::version)
                .toList();
        call.stores().agentRoles().delete(id);
        published.forget(call.organization(), id, versions);
        return Reply.noContent();
    }

    private Object publish(Call call) {
        Publish b = call.bodyOr(Publish.class, new Publish(null));
        return Reply.status(
                201,
                call.stores().agentRoles().publish(owned(call, call.uuid("id")).id(), b.changeNote(), null));
    }

    private Object versions(Call call) {
        return call.stores().agentRoles().versions(owned(call, call.uuid("id")).id());
    }

    private Object version(Call call) {
        int version = Enums.positive("version", call.path("version"));
        return published.get(
                call.organization(),
                call.uuid("id"),
                version,
                AgentRoleVersion.class,
                () -> call.stores()
                        .agentRoles()
                        .version(owned(call, call.uuid("id")).id(), version));
    }

    private Object dependencies(Call call) {
        return call.stores()
                .agentRoles()
                .dependencies(owned(call, call.uuid("id")).id());
    }

    private Object addDependency(Call call) {
        Dependency b = call.body(Dependency.class);
        UUID role = owned(call, call.uuid("id")).id();
        if (b.dependsOn() == null) {
            throw new InvalidFieldException("dependsOn", "null", "the id of another agent role");
        }
        call.stores().agentRoles().addDependency(role, b.dependsOn());
        return call.stores().agentRoles().dependencies(role);
    }
}
