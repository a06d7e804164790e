package dev.flowbase.gdpr;

import dev.flowbase.db.Database;
import dev.flowbase.queue.OrganizationTasks;
import dev.flowbase.store.Actor;
import dev.flowbase.store.Organization;
import dev.flowbase.store.Origin;
import dev.flowbase.store.Stores;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Erases an organization ({@code flowbase org delete}): every row {@link TenantRows} names as its,
 * children first, in one transaction, and one audit entry that belongs to no organization, so that
 * it survives. Rows are deleted rather than anonymised: personal data also sits in free text and
 * JSON (prompts, parameters, outputs, log lines) where no column list can find it all. Audit
 * entries outside the organization that name one of its users or keys as their actor keep the
 * entry and lose the name. Installation-wide work, run without an organization of the caller's
 * (row-level security then sees every row).
 */
public final class OrganizationErasure {
    /** The actor label left on audit entries elsewhere whose actor was one of the organization's users or keys. */
    public static final String ERASED_ACTOR = "an erased organization's actor";

    private OrganizationErasure() {}

    /** Erases {@code org}, the audit entry written as {@code actor} from {@code origin}. */
    public static Erasure erase(Stores stores, Actor actor, Origin origin, Organization org) {
        if (stores.organization().isPresent()) {
            throw new IllegalArgumentException(
                    "an erasure is installation-wide work: pass stores that act in no organization");
        }
        Stores audited = stores.as(actor, origin);
        Database db = stores.database();
        return db.inTransaction("Erasing organization " + org.slug(), h -> {
            UUID id = org.id();
            int anonymised = anonymiseActors(h, id);
            Map<UUID, String> keyHashes = new LinkedHashMap<>();
            h.createQuery("SELECT id, key_hash FROM api_keys WHERE organization_id = :org")
                    .bind("org", id)
                    .map((rs, ctx) -> Map.entry(UUID.fromString(rs.getString("id")), rs.getString("key_hash")))
                    .forEach(e -> keyHashes.put(e.getKey(), e.getValue()));
            Map<String, Integer> deleted = new LinkedHashMap<>();
            deleted.put("audit_log", delete(h, "DELETE FROM audit_log WHERE ", "audit_log", id));
            deleted.put("logs", delete(h, "DELETE FROM logs WHERE ", "logs", id));
            deleted.put("task_executions", delete(h, "DELETE FROM task_executions WHERE ", "task_executions", id));
            deleted.putAll(OrganizationTasks.erase(h, id));
            deleted.put(
                    "workflow_executions",
                    delete(h, "DELETE FROM workflow_executions WHERE ", "workflow_executions", id));
            deleted.put(
                    "workflow_versions", delete(h, "DELETE FROM workflow_versions WHERE ", "workflow_versions", id));
            // Parents and children are deleted together; unlinking first keeps MariaDB's row-by-row checks quiet.
            h.createUpdate("UPDATE workflows SET parent_workflow_id = NULL WHERE organization_id = :org")
                    .bind("org", id)
                    .execute();
            deleted.put("workflows", delete(h, "DELETE FROM workflows WHERE ", "workflows", id));
            deleted.put(
                    "agent_role_dependencies",
                    delete(h, "DELETE FROM agent_role_dependencies WHERE ", "agent_role_dependencies", id));
            deleted.put(
                    "agent_role_versions",
                    delete(h, "DELETE FROM agent_role_versions WHERE ", "agent_role_versions", id));
            deleted.put("agent_roles", delete(h, "DELETE FROM agent_roles WHERE ", "agent_roles", id));
            deleted.put("configurations", delete(h, "DELETE FROM configurations WHERE ", "configurations", id));
            deleted.put("page_sessions", delete(h, "DELETE FROM page_sessions WHERE ", "page_sessions", id));
            deleted.put("api_keys", delete(h, "DELETE FROM api_keys WHERE ", "api_keys", id));
            deleted.put("users", delete(h, "DELETE FROM users WHERE ", "users", id));
            deleted.put("organizations", delete(h, "DELETE FROM organizations WHERE ", "organizations", id));
            Erasure done = new Erasure(id, org.slug(), audited.clock().instant(), deleted, anonymised, keyHashes);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("organizationId", id.toString());
            after.put("slug", org.slug());
            after.put("deleted", deleted);
            after.put("rows", done.rows());
            after.put("anonymisedActors", anonymised);
            audited.audit().record(null, "organization.erase", "organization", id, null, after);
            return done;
        });
    }

    /** Audit entries of others whose actor is one of the organization's users or keys: the link goes, and the name. */
    private static int anonymiseActors(Handle h, UUID id) {
        return h.createUpdate("UPDATE audit_log SET actor_user_id = NULL, actor_api_key_id = NULL, actor_label = :label"
                        + " WHERE (organization_id IS NULL OR organization_id <> :org)"
                        + " AND (actor_user_id IN (SELECT u.id FROM users u WHERE u.organization_id = :org)"
                        + " OR actor_api_key_id IN (SELECT k.id FROM api_keys k WHERE k.organization_id = :org))")
                .bind("label", ERASED_ACTOR)
                .bind("org", id)
                .execute();
    }

    /** {@code statement} ("DELETE FROM t WHERE ") completed with {@link TenantRows}' condition for {@code table}. */
    private static int delete(Handle h, String statement, String table, UUID id) {
        var update = h.createUpdate(statement + where(table));
        int marks = where(table).length() - where(table).replace("?", "").length();
        for (int i = 0; i < marks; i++) {
            update.bind(i, id);
        }
        return update.execute();
    }

    private static String where(String table) {
        return TenantRows.PARTS.stream()
                .filter(p -> p.table().equals(table))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(table + " is not one of TenantRows' tables"))
                .where();
    }
}
