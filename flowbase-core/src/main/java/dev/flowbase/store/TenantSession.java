package dev.flowbase.store;

import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * How an engine is told, inside a transaction, which organization the caller acts in, where the
 * engine checks it itself (PostgreSQL's row-level security, migration V5). An engine that has no
 * such check is {@link #NONE}: there the stores' organization filter ({@link Tenancy}) is the guard.
 */
public interface TenantSession {
    /** For engines without row-level security: nothing to say, no transaction needed. */
    TenantSession NONE = new TenantSession() {
        @Override
        public boolean enforced() {
            return false;
        }

        @Override
        public void enter(Handle h, UUID organizationId) {}
    };

    /** Whether the engine filters by organization itself; then a caller's every statement runs in a transaction. */
    boolean enforced();

    /** Names the organization for the rest of the transaction on {@code h} (and only for it). */
    void enter(Handle h, UUID organizationId);
}
