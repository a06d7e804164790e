package dev.flowbase.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowbase.util.Json;
import dev.flowbase.util.Uuids;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Writes the audit row of a change in the transaction of the change, when the stores were opened
 * for an actor ({@link Stores#as}); without one it writes nothing. Snapshots are the records as
 * JSON with secrets masked: a key's hash, and a sensitive configuration's value (which its record
 * already holds masked).
 */
final class Auditor {
    static final Auditor OFF = new Auditor(null, Origin.NONE);
    static final String MASK = "****";
    private static final Set<String> SECRET_FIELDS = Set.of("keyHash", "secret", "password");

    private final Actor actor;
    private final Origin origin;

    Auditor(Actor actor, Origin origin) {
        this.actor = actor;
        this.origin = origin;
    }

    /** Whether the changes are Flowbase's own: written without a caller, or by the system actor. */
    boolean isFlowbase() {
        return actor == null || actor.type() == Actor.Type.SYSTEM;
    }

    void record(
            Handle h,
            Instant at,
            UUID organizationId,
            String action,
            String entityType,
            Object entityId,
            Object before,
            Object after) {
        if (actor == null) {
            return;
        }
        h.createUpdate("INSERT INTO audit_log (id, organization_id, actor_type, actor_user_id, actor_api_key_id,"
                        + " actor_label, action, entity_type, entity_id, before_data, after_data, ip_address,"
                        + " user_agent, request_id, created_at)"
                        + " VALUES (:id, :org, :type, :user, :key, :label, :action, :entityType, :entityId, :before,"
                        + " :after, :ip, :agent, :request, :at)")
                .bind("id", Uuids.v7(at))
                .bind("org", organizationId)
                .bind("type", actor.type())
                .bind("user", actor.userId())
                .bind("key", actor.apiKeyId())
                .bind("label", actor.label())
                .bind("action", action)
                .bind("entityType", entityType)
                .bind("entityId", entityId == null ? null : entityId.toString())
                .bindByType("before", snapshot(before), JsonNode.class)
                .bindByType("after", snapshot(after), JsonNode.class)
                .bind("ip", origin.ipAddress())
                .bind("agent", origin.userAgent())
                .bind("request", origin.requestId())
                .bind("at", at)
                .execute();
    }

    static JsonNode snapshot(Object value) {
        if (value == null) {
            return null;
        }
        JsonNode tree = Json.tree(value);
        if (tree instanceof ObjectNode object) {
            for (String field : SECRET_FIELDS) {
                if (object.hasNonNull(field)) {
                    object.put(field, MASK);
                }
            }
        }
        return tree;
    }
}
