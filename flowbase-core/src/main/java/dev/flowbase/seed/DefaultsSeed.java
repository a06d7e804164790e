package dev.flowbase.seed;

import dev.flowbase.util.BuildInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What every environment starts with: the default organization, Flowbase's default settings and
 * its own components. Access roles (admin, operator, viewer) are fixed values checked by the
 * schema, so they need no rows.
 */
final class DefaultsSeed implements Seed {
    static final String DEFAULT_ORGANIZATION = "default";

    /** key, value, type, description. */
    private static final String[][] CONFIGURATIONS = {
        {"backup.enabled", "false", "boolean", "Take scheduled backups"},
        {"backup.retention_days", "14", "integer", "Days a scheduled backup is kept"},
        {"observability.slow_query_ms", "500", "integer", "Statements slower than this are logged as slow"},
        {"retention.logs_days", "30", "integer", "Days log rows are kept"},
        {"retention.executions_days", "90", "integer", "Days finished executions are kept"},
        {"retention.audit_days", "365", "integer", "Days audit rows are kept"},
        {"queue.default_max_retries", "3", "integer", "Retries of a task before it is dead-lettered"},
        {"queue.lease_seconds", "60", "integer", "How long a worker holds a task between heartbeats"}
    };

    /** name, type. */
    private static final String[][] COMPONENTS = {
        {"flowbase-server", "http-api"},
        {"flowbase-queue", "task-queue"},
        {"flowbase-migrations", "migration-engine"}
    };

    /** The default organization's id, creating it when absent: every seed and the first key belong to it. */
    static UUID defaultOrganization(SeedWriter writer) {
        return writer.ensure(
                "organizations",
                Map.of("slug", DEFAULT_ORGANIZATION),
                Map.of("name", "Default organization", "status", "active"));
    }

    @Override
    public String name() {
        return "defaults";
    }

    @Override
    public Set<String> environments() {
        return Set.of();
    }

    @Override
    public String revision() {
        return "1";
    }

    @Override
    public void apply(SeedWriter writer) {
        defaultOrganization(writer);
        for (String[] c : CONFIGURATIONS) {
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("organization_id", null);
            key.put("key", c[0]);
            writer.ensure(
                    "configurations",
                    key,
                    Map.of("value", c[1], "type", c[2], "description", c[3], "is_sensitive", false));
        }
        for (String[] c : COMPONENTS) {
            writer.ensure(
                    "components",
                    Map.of("name", c[0]),
                    Map.of("type", c[1], "status", "active", "health", "unknown", "version", BuildInfo.version()));
        }
    }
}
