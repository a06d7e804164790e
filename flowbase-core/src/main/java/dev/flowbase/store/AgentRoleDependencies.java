package dev.flowbase.store;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Which agent roles depend on which: a graph that never holds a cycle, and never loses a role that
 * another still depends on. The part of {@link AgentRoleStore} that reads and writes
 * {@code agent_role_dependencies}.
 */
final class AgentRoleDependencies {
    private final Tx tx;
    private final AgentRoleStore roles;

    AgentRoleDependencies(Tx tx, AgentRoleStore roles) {
        this.tx = tx;
        this.roles = roles;
    }

    void add(UUID roleId, UUID dependsOn) {
        tx.write("Adding an agent role dependency", h -> {
            AgentRole role = roles.get(roleId);
            Tenancy.require(h, role.organizationId(), Tenancy.Reference.AGENT_ROLE, "dependsOn", dependsOn);
            List<UUID> path = pathBetween(h, dependsOn, roleId);
            if (roleId.equals(dependsOn) || !path.isEmpty()) {
                List<String> names = new ArrayList<>();
                names.add(role.name());
                for (UUID id : path) {
                    names.add(roles.get(id).name());
                }
                if (path.isEmpty()) {
                    names.add(role.name());
                }
                throw new InvalidTransitionException("agent role " + role.name() + " cannot depend on " + names.get(1)
                        + ": that would make a cycle " + String.join(" → ", names));
            }
            Instant now = tx.now();
            h.createUpdate("INSERT INTO agent_role_dependencies (id, agent_role_id, depends_on_agent_role_id,"
                            + " created_at) VALUES (:id, :role, :on, :now)")
                    .bind("id", tx.newId(now))
                    .bind("role", roleId)
                    .bind("on", dependsOn)
                    .bind("now", now)
                    .execute();
            tx.auditor.record(
                    h,
                    now,
                    role.organizationId(),
                    "agent_role.depend",
                    "agent_role",
                    roleId,
                    null,
                    Map.of("dependsOn", dependsOn));
            return null;
        });
    }

    List<AgentRole> of(UUID roleId) {
        return tx.read(
                "Reading agent role dependencies",
                h -> h.createQuery("SELECT r.* FROM agent_roles r"
                                + " JOIN agent_role_dependencies d ON d.depends_on_agent_role_id = r.id"
                                + " WHERE d.agent_role_id = :id ORDER BY r.name")
                        .bind("id", roleId)
                        .map(tx.rows(AgentRole.class))
                        .list());
    }

    /** The names of the roles that depend on {@code roleId} directly, in name order. */
    static List<String> dependents(Handle h, UUID roleId) {
        return h.createQuery("SELECT r.name FROM agent_roles r JOIN agent_role_dependencies d"
                        + " ON d.agent_role_id = r.id WHERE d.depends_on_agent_role_id = :id ORDER BY r.name")
                .bind("id", roleId)
                .mapTo(String.class)
                .list();
    }

    /** The roles on a dependency path from {@code from} to {@code to}, both included; empty when none. */
    private static List<UUID> pathBetween(Handle h, UUID from, UUID to) {
        Map<UUID, UUID> cameFrom = new HashMap<>();
        Deque<UUID> queue = new ArrayDeque<>(List.of(from));
        cameFrom.put(from, from);
        while (!queue.isEmpty()) {
            UUID at = queue.poll();
            if (at.equals(to)) {
                List<UUID> path = new ArrayList<>();
                for (UUID step = to; !step.equals(from); step = cameFrom.get(step)) {
                    path.addFirst(step);
                }
                path.addFirst(from);
                return path;
            }
            for (UUID next : h.createQuery(
                            "SELECT depends_on_agent_role_id FROM agent_role_dependencies WHERE agent_role_id = :id")
                    .bind("id", at)
                    .mapTo(UUID.class)
                    .list()) {
                if (cameFrom.putIfAbsent(next, at) == null) {
                    queue.add(next);
                }
            }
        }
        return List.of();
    }
}
