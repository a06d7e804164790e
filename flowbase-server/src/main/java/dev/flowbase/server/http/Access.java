package dev.flowbase.server.http;

import dev.flowbase.store.AccessRole;
import java.util.Locale;

/**
 * Who may call a route: anyone ({@code PUBLIC}), or a key whose access role is at least the one
 * named. Roles are ordered admin > operator > viewer, so the matrix is one column per route. The
 * installation's roles also need a key of the installation's own organization: they guard the
 * routes that change what belongs to no organization (components, migrations, the server), and the
 * views that count or name every organization's rows.
 */
public enum Access {
    PUBLIC,
    VIEWER,
    OPERATOR,
    ADMIN,
    /**
     * Any key of the installation's organization: the read-only views that span every organization
     * (metrics, database status and statistics, alerts, components), which an organization's own
     * admin must not see. A Prometheus scraper needs no more than a viewer key of the installation.
     */
    INSTALLATION_VIEWER,
    INSTALLATION_OPERATOR,
    INSTALLATION_ADMIN;

    /** Whether {@code caller} (null: no key) may call a route that needs this access. */
    public boolean allows(Principal caller) {
        if (this == PUBLIC) {
            return true;
        }
        return caller != null && allows(caller.role(), caller.installation());
    }

    /** Whether a key with {@code role}, of the installation's organization or not, may call such a route. */
    public boolean allows(AccessRole role, boolean installation) {
        return switch (this) {
            case PUBLIC -> true;
            case VIEWER -> role != null;
            case OPERATOR -> role == AccessRole.OPERATOR || role == AccessRole.ADMIN;
            case ADMIN -> role == AccessRole.ADMIN;
            case INSTALLATION_VIEWER -> installation && VIEWER.allows(role, true);
            case INSTALLATION_OPERATOR -> installation && OPERATOR.allows(role, true);
            case INSTALLATION_ADMIN -> installation && ADMIN.allows(role, true);
        };
    }

    /** As the docs and the OpenAPI document name it: {@code viewer}, {@code installation admin}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
