package dev.flowbase.store;

import dev.flowbase.util.Json;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Agent roles, their published versions, and which roles depend on which ({@link AgentRoleDependencies}). */
public final class AgentRoleStore {
    private final Tx tx;
    private final String insert;
    private final String insertVersion;
    private final AgentRoleDependencies dependencies;

    AgentRoleStore(Tx tx) {
        this.tx = tx;
        this.dependencies = new AgentRoleDependencies(tx, this);
        this.insert = Rows.insert(
                tx,
                "agent_roles",
                "id",
                "organization_id",
                "name",
                "description",
                "system_prompt",
                "model",
                "tools",
                "parameters",
                "metadata",
                "status",
                "current_version",
                "created_by",
                "lock_version",
                "created_at",
                "updated_at");
        this.insertVersion = Rows.insert(
                tx,
                "agent_role_versions",
                "id",
                "agent_role_id",
                "version",
                "system_prompt",
                "model",
                "tools",
                "parameters",
                "change_note",
                "created_by",
                "created_at");
    }

    public AgentRole create(AgentRole.New role) {
        Checks.required("organizationId", role.organizationId());
        Checks.notBlank("name", role.name());
        Checks.notBlank("systemPrompt", role.systemPrompt());
        Limits.agentRole(role);
        return tx.write("Creating agent role " + role.name(), h -> {
            Instant now = tx.now();
            var created = new AgentRole(
                    tx.newId(now),
                    role.organizationId(),
                    role.name(),
                    role.description(),
                    role.systemPrompt(),
                    role.model(),
                    Checks.orDefault(role.tools(), Json.emptyArray()),
                    Checks.orDefault(role.parameters(), Json.emptyObject()),
                    Json.emptyObject(),
                    AgentRole.Status.DRAFT,
                    null,
                    role.createdBy(),
                    1,
                    now,
                    now);
            h.createUpdate(insert).bindMethods(created).execute();
            tx.auditor.record(
                    h, now, created.organizationId(), "agent_role.create", "agent_role", created.id(), null, created);
            return created;
        });
    }

    public AgentRole get(UUID id) {
        return tx.read("Reading agent role " + id, h -> Rows.byId(tx, h, "agent_roles", id, AgentRole.class))
                .orElseThrow(() -> new NotFoundException("agent role", id));
    }

    /** The role of this name, as the prompt builders of our users' flows look roles up. */
    public Optional<AgentRole> findByName(UUID organizationId, String name) {
        return tx.read(
                "Reading agent role " + name,
                h -> h.createQuery("SELECT * FROM agent_roles WHERE organization_id = :org AND name = :name")
                        .bind("org", organizationId)
                        .bind("name", name)
                        .map(tx.rows(AgentRole.class))
                        .findOne());
    }

    /** Roles of an organization, optionally of one status, oldest first. */
    public Page<AgentRole> list(UUID organizationId, AgentRole.Status status, PageRequest page) {
        String filter = "organization_id = :org" + (status == null ? "" : " AND status = :status");
        return tx.read(
                "Listing agent roles",
                h -> Keyset.OLDEST_FIRST.fetch(
                        tx,
                        h,
                        "agent_roles",
                        filter,
                        page,
                        AgentRole.class,
                        q -> q.bind("org", organizationId).bind("status", status)));
    }

    /**
     * Saves the draft's fields, if nobody changed the role since {@code changed} was read.
     *
     * @throws ConflictException when the role's lock_version is no longer {@code changed.lockVersion()}
     */
    public AgentRole update(AgentRole changed) {
        Limits.agentRole(changed);
        return tx.write("Updating agent role " + changed.id(), h -> {
            AgentRole before = get(changed.id());
            Instant now = tx.now();
            int n = h.createUpdate("UPDATE agent_roles SET name = :name, description = :description,"
                            + " system_prompt = :systemPrompt, model = :model, tools = :tools,"
                            + " parameters = :parameters, metadata = :metadata, status = :status,"
                            + " lock_version = lock_version + 1, updated_at = :now"
                            + " WHERE id = :id AND lock_version = :lockVersion")
                    .bindMethods(changed)
                    .bind("now", now)
                    .execute();
            Locking.requireUpdated(tx, h, n, "agent_roles", "agent role", changed.id(), changed.lockVersion());
            AgentRole after = get(changed.id());
            tx.auditor.record(
                    h, now, after.organizationId(), "agent_role.update", "agent_role", after.id(), before, after);
            return after;
        });
    }

    /** Publishes the draft as the next version and makes it current; older versions stay readable. */
    public AgentRoleVersion publish(UUID roleId, String changeNote, UUID by) {
        return tx.write("Publishing agent role " + roleId, h -> {
            AgentRole role = get(roleId);
            Instant now = tx.now();
            int next = role.currentVersion() == null ? 1 : latestVersion(h, roleId) + 1;
            var version = new AgentRoleVersion(
                    tx.newId(now),
                    roleId,
                    next,
                    role.systemPrompt(),
                    role.model(),
                    role.tools(),
                    role.parameters(),
                    changeNote,
                    by,
                    now);
            h.createUpdate(insertVersion).bindMethods(version).execute();
            h.createUpdate("UPDATE agent_roles SET current_version = :v, lock_version = lock_version + 1,"
                            + " updated_at = :now WHERE id = :id")
                    .bind("v", next)
                    .bind("now", now)
                    .bind("id", roleId)
                    .execute();
            tx.auditor.record(h, now, role.organizationId(), "agent_role.publish", "agent_role", roleId, null, version);
            return version;
        });
    }

    public AgentRoleVersion version(UUID roleId, int version) {
        return tx.read(
                        "Reading agent role " + roleId + " version " + version,
                        h -> h.createQuery(
                                        "SELECT * FROM agent_role_versions WHERE agent_role_id = :id AND version = :v")
                                .bind("id", roleId)
                                .bind("v", version)
                                .map(tx.rows(AgentRoleVersion.class))
                                .findOne())
                .orElseThrow(() -> new NotFoundException("agent role version", roleId + "@" + version));
    }

    public List<AgentRoleVersion> versions(UUID roleId) {
        return tx.read(
                "Reading agent role versions",
                h -> h.createQuery("SELECT * FROM agent_role_versions WHERE agent_role_id = :id ORDER BY version")
                        .bind("id", roleId)
                        .map(tx.rows(AgentRoleVersion.class))
                        .list());
    }

    /**
     * Makes {@code roleId} depend on {@code dependsOn}.
     *
     * @throws InvalidTransitionException naming the cycle when {@code dependsOn} already depends on {@code roleId}
     */
    public void addDependency(UUID roleId, UUID dependsOn) {
        dependencies.add(roleId, dependsOn);
    }

    /** The roles {@code roleId} depends on directly. */
    public List<AgentRole> dependencies(UUID roleId) {
        return dependencies.of(roleId);
    }

    /** Deletes a role that no other role depends on. */
    public void delete(UUID roleId) {
        tx.write("Deleting agent role " + roleId, h -> {
            AgentRole role = get(roleId);
            List<String> dependents = AgentRoleDependencies.dependents(h, roleId);
            if (!dependents.isEmpty()) {
                throw new InvalidTransitionException("agent role " + role.name() + " cannot be deleted: "
                        + String.join(", ", dependents) + " depend on it");
            }
            h.createUpdate("DELETE FROM agent_roles WHERE id = :id")
                    .bind("id", roleId)
                    .execute();
            tx.auditor.record(
                    h, tx.now(), role.organizationId(), "agent_role.delete", "agent_role", roleId, role, null);
            return null;
        });
    }

    private static int latestVersion(Handle h, UUID roleId) {
        return h.createQuery("SELECT COALESCE(MAX(version), 0) FROM agent_role_versions WHERE agent_role_id = :id")
                .bind("id", roleId)
                .mapTo(Integer.class)
                .one();
    }
}
