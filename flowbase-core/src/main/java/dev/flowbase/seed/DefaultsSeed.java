package dev.flowbase.seed;

import dev.flowbase.store.Configuration;
import dev.flowbase.store.OrganizationStore;
import dev.flowbase.store.Stores;
import dev.flowbase.util.BuildInfo;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * What every environment starts with: the default organization, Flowbase's default settings and
 * its own components. Access roles (admin, operator, viewer) are fixed values checked by the
 * schema, so they need no rows.
 */
final class DefaultsSeed implements Seed {
    static final String DEFAULT_ORGANIZATION = OrganizationStore.INSTALLATION_SLUG;

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
    static UUID defaultOrganization(Stores stores) {
        return stores.organizations()
                .findBySlug(DEFAULT_ORGANIZATION)
                .orElseGet(() -> stores.organizations().create("Default organization", DEFAULT_ORGANIZATION))
                .id();
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
    public void apply(Stores stores) {
        defaultOrganization(stores);
        for (String[] c : CONFIGURATIONS) {
            if (stores.configurations().get(null, c[0]).isEmpty()) {
                stores.configurations()
                        .put(null, c[0], c[1], Configuration.Type.valueOf(c[2].toUpperCase(Locale.ROOT)), false, c[3]);
            }
        }
        for (String[] c : COMPONENTS) {
            if (stores.components().list().stream()
                    .noneMatch(existing -> existing.name().equals(c[0]))) {
                stores.components().register(c[0], c[1], BuildInfo.version());
            }
        }
    }
}
