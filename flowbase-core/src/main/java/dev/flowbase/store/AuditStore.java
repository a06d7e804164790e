package dev.flowbase.store;

/** Reads the audit log, newest first; the other stores write it, in the transaction of each change. */
public final class AuditStore {
    private final Tx tx;

    AuditStore(Tx tx) {
        this.tx = tx;
    }

    /** Entries about one entity (or of every entity of a type when {@code entityId} is null). */
    public Page<AuditEntry> forEntity(String entityType, String entityId, PageRequest page) {
        String filter = "entity_type = :type" + (entityId == null ? "" : " AND entity_id = :entityId");
        return tx.read(
                "Reading the audit log",
                h -> Keyset.NEWEST_FIRST.fetch(
                        tx,
                        h,
                        "audit_log",
                        filter,
                        page,
                        AuditEntry.class,
                        q -> q.bind("type", entityType).bind("entityId", entityId)));
    }

    /** Every entry, newest first. */
    public Page<AuditEntry> list(PageRequest page) {
        return tx.read(
                "Reading the audit log",
                h -> Keyset.NEWEST_FIRST.fetch(tx, h, "audit_log", "1 = 1", page, AuditEntry.class, q -> q));
    }
}
