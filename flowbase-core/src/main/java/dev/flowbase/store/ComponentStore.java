package dev.flowbase.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.util.Json;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Components: registered by name (registering again updates type and version), with heartbeats. */
public final class ComponentStore {
    private final Tx tx;
    private final String insert;

    ComponentStore(Tx tx) {
        this.tx = tx;
        this.insert = Rows.insert(
                tx,
                "components",
                "id",
                "name",
                "type",
                "status",
                "health",
                "version",
                "configuration",
                "endpoints",
                "health_check_url",
                "health_details",
                "dependencies",
                "metadata",
                "last_heartbeat_at",
                "last_health_check_at",
                "lock_version",
                "created_at",
                "updated_at");
    }

    /** Registers the component, or updates the type and version of the one of that name. */
    public Component register(String name, String type, String version) {
        Checks.notBlank("name", name);
        Checks.notBlank("type", type);
        Limits.text("name", name, Limits.NAME);
        Limits.text("type", type, Limits.TYPE);
        Limits.text("version", version, Limits.TYPE);
        requireWriter(name);
        return tx.write("Registering component " + name, h -> {
            Instant now = tx.now();
            Optional<Component> existing = find(h, name);
            if (existing.isPresent()) {
                h.createUpdate("UPDATE components SET type = :type, version = :version,"
                                + " lock_version = lock_version + 1, updated_at = :now WHERE id = :id")
                        .bind("type", type)
                        .bind("version", version)
                        .bind("now", now)
                        .bind("id", existing.get().id())
                        .execute();
            } else {
                var c = new Component(
                        tx.newId(now),
                        name,
                        type,
                        Component.Status.ACTIVE,
                        Component.Health.UNKNOWN,
                        version,
                        Json.emptyObject(),
                        Json.emptyObject(),
                        null,
                        Json.emptyObject(),
                        Json.emptyArray(),
                        Json.emptyObject(),
                        null,
                        null,
                        1,
                        now,
                        now);
                h.createUpdate(insert).bindMethods(c).execute();
            }
            Component after = find(h, name).orElseThrow();
            tx.auditor.record(
                    h, now, null, "component.register", "component", after.id(), existing.orElse(null), after);
            return after;
        });
    }

    /** Records a heartbeat with the component's own view of its health. Not audited: it is routine. */
    public Component heartbeat(String name, Component.Health health, JsonNode details) {
        requireWriter(name);
        return tx.write("Recording a heartbeat of " + name, h -> {
            Instant now = tx.now();
            int n = h.createUpdate("UPDATE components SET health = :health, health_details = :details,"
                            + " last_heartbeat_at = :now, last_health_check_at = :now, updated_at = :now"
                            + " WHERE name = :name")
                    .bind("health", health)
                    .bindByType("details", Checks.orDefault(details, Json.emptyObject()), JsonNode.class)
                    .bind("now", now)
                    .bind("name", name)
                    .execute();
            if (n == 0) {
                throw new NotFoundException("component", name);
            }
            return find(h, name).orElseThrow();
        });
    }

    public Component get(String name) {
        return tx.read("Reading component " + name, h -> find(h, name))
                .orElseThrow(() -> new NotFoundException("component", name));
    }

    public List<Component> list() {
        return tx.read(
                "Listing components",
                h -> h.createQuery("SELECT * FROM components ORDER BY name")
                        .map(tx.rows(Component.class))
                        .list());
    }

    /** The name and last heartbeat of each component of {@code type}, by name. */
    public List<ComponentHeartbeat> heartbeats(String type) {
        return tx.read(
                "Reading the heartbeats of " + type + " components",
                h -> h.createQuery("SELECT name, last_heartbeat_at FROM components WHERE type = :type ORDER BY name")
                        .bind("type", type)
                        .map(tx.rows(ComponentHeartbeat.class))
                        .list());
    }

    /**
     * Saves status and metadata if nobody changed the component since {@code changed} was read.
     *
     * @throws ConflictException when its lock_version has moved on
     */
    public Component update(Component changed) {
        requireWriter(changed.name());
        return tx.write("Updating component " + changed.name(), h -> {
            Component before =
                    find(h, changed.name()).orElseThrow(() -> new NotFoundException("component", changed.name()));
            Instant now = tx.now();
            int n = h.createUpdate("UPDATE components SET status = :status, metadata = :metadata,"
                            + " configuration = :configuration, endpoints = :endpoints, health_check_url = :healthCheckUrl,"
                            + " lock_version = lock_version + 1, updated_at = :now"
                            + " WHERE id = :id AND lock_version = :lockVersion")
                    .bindMethods(changed)
                    .bind("now", now)
                    .execute();
            Locking.requireUpdated(tx, h, n, "components", "component", changed.id(), changed.lockVersion());
            Component after = find(h, changed.name()).orElseThrow();
            tx.auditor.record(h, now, null, "component.update", "component", after.id(), before, after);
            return after;
        });
    }

    /** Flowbase's own components ({@link Component#FLOWBASE_PREFIX}) are written by Flowbase only. */
    private void requireWriter(String name) {
        if (name != null && name.startsWith(Component.FLOWBASE_PREFIX) && !tx.isFlowbase()) {
            throw new FlowbaseException(
                    ErrorCode.FORBIDDEN,
                    "component " + name + ": names starting with " + Component.FLOWBASE_PREFIX
                            + " are Flowbase's own components, written by Flowbase only; register yours under another name");
        }
    }

    private Optional<Component> find(Handle h, String name) {
        return h.createQuery("SELECT * FROM components WHERE name = :name")
                .bind("name", name)
                .map(tx.rows(Component.class))
                .findOne();
    }
}
