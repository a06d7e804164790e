package dev.flowbase.store;

import java.util.UUID;

/** Reads the audit log, newest first; the other stores write it, in the transaction of each change. */
public final class AuditStore {
    private final Tx tx;

    AuditStore(Tx tx) {
        this.tx = tx;
    }

    /**
     * Writes an audit row for a change made outside the stores (a queue operation, a migration), as
     * the actor these stores were opened for; nothing without one. Inside
     * {@link Stores#executeTransaction} it joins the change's transaction.
     */
    public void record(
            UUID organizationId, String action, String entityType, Object entityId, Object before, Object after) {
        tx.write("Writing an audit row", h -> {
            tx.auditor.record(h, tx.now(), organizationId, action, entityType, entityId, before, after);
            return null;
        });
    }

    /** Entries about one entity (or of every entity of a type when {@code entityId} is null), of every organization. */
    public Page<AuditEntry> forEntity(String entityType, String entityId, PageRequest page) {
        return forEntity(null, entityType, entityId, page);
    }

    /**
     * An organization's entries about one entity (or about every entity of a type when
     * {@code entityId} is null); every organization's when {@code organizationId} is null. The
     * organization is part of the query, so every page is full.
     */
    public Page<AuditEntry> forEntity(UUID organizationId, String entityType, String entityId, PageRequest page) {
        String filter = (organizationId == null ? "" : "organization_id = :org AND ") + "entity_type = :type"
                + (entityId == null ? "" : " AND entity_id = :entityId");
        return tx.read(
                "Reading the audit log",
                h -> Keyset.NEWEST_FIRST.fetch(
                        tx,
                        h,
                        "audit_log",
                        filter,
                        page,
                        AuditEntry.class,
                        q -> q.bind("org", organizationId)
                                .bind("type", entityType)
                                .bind("entityId", entityId)));
    }

    /** An organization's entries, newest first (by the index on organization and time). */
    public Page<AuditEntry> list(UUID organizationId, PageRequest page) {
        return tx.read(
                "Reading the audit log",
                h -> Keyset.NEWEST_FIRST.fetch(
                        tx,
                        h,
                        "audit_log",
                        "organization_id = :org",
                        page,
                        AuditEntry.class,
                        q -> q.bind("org", organizationId)));
    }

    /** Every entry, newest first. */
    public Page<AuditEntry> list(PageRequest page) {
        return tx.read(
                "Reading the audit log",
                h -> Keyset.NEWEST_FIRST.fetch(tx, h, "audit_log", "1 = 1", page, AuditEntry.class, q -> q));
    }
}
