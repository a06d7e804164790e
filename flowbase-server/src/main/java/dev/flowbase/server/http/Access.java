package dev.flowbase.server.http;

import dev.flowbase.store.AccessRole;

/**
 * Who may call a route: anyone ({@code PUBLIC}), or a key whose access role is at least the one
 * named. Roles are ordered admin > operator > viewer, so the matrix is one column per route.
 */
public enum Access {
    PUBLIC,
    VIEWER,
    OPERATOR,
    ADMIN;

    /** Whether a key with {@code role} may call a route that needs this access. */
    public boolean allows(AccessRole role) {
        return switch (this) {
            case PUBLIC -> true;
            case VIEWER -> role != null;
            case OPERATOR -> role == AccessRole.OPERATOR || role == AccessRole.ADMIN;
            case ADMIN -> role == AccessRole.ADMIN;
        };
    }
}
