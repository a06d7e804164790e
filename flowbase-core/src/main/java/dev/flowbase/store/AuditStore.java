package dev.flowbase.store;

/** Reads the audit log, newest first; the other stores write it, in the transaction of each change. */
public final class AuditStore {
    private final Tx tx;

    AuditStore(Tx tx) {
        this.tx = tx;
    }

    /** Entries about one entity (or of every entity of a type when {@code entityId} is null). */
    public Page<AuditEntry> forEntity(String entityType, String entityId, PageRequest page) {
        Keyset keyset = Keyset.NEWEST_FIRST;
        String byId = entityId == null ? "" : " AND entity_id = :entityId";
        return tx.read(
                "Reading the audit log",
                h -> keyset.page(
                        keyset.bind(
                                        h.createQuery("SELECT * FROM audit_log WHERE entity_type = :type" + byId
                                                        + " AND " + keyset.where(page) + keyset.orderAndLimit())
                                                .bind("type", entityType)
                                                .bind("entityId", entityId),
                                        page)
                                .mapTo(AuditEntry.class)
                                .list(),
                        page,
                        AuditEntry::createdAt,
                        AuditEntry::id));
    }

    /** Every entry, newest first. */
    public Page<AuditEntry> list(PageRequest page) {
        Keyset keyset = Keyset.NEWEST_FIRST;
        return tx.read(
                "Reading the audit log",
                h -> keyset.page(
                        keyset.bind(
                                        h.createQuery("SELECT * FROM audit_log WHERE " + keyset.where(page)
                                                + keyset.orderAndLimit()),
                                        page)
                                .mapTo(AuditEntry.class)
                                .list(),
                        page,
                        AuditEntry::createdAt,
                        AuditEntry::id));
    }
}
