package dev.flowbase.engines.postgresql;

import dev.flowbase.store.TenantSession;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * {@code SET LOCAL flowbase.org}, as {@code set_config(…, true)} so the value is bound: it ends
 * with the transaction, so a pooled connection (or PgBouncer in transaction mode) never carries
 * one caller's organization into another's work. V5's policies read it.
 */
final class PostgresTenantSession implements TenantSession {
    @Override
    public boolean enforced() {
        return true;
    }

    @Override
    public void enter(Handle h, UUID organizationId) {
        h.createQuery("SELECT set_config('flowbase.org', :org, true)")
                .bind("org", organizationId.toString())
                .mapTo(String.class)
                .one();
    }
}
