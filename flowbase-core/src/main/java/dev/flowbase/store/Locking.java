package dev.flowbase.store;

import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Optimistic locking by {@code lock_version}: an update names the version it read, and changes
 * nothing when the row has moved on since. This tells "moved on" from "gone".
 */
final class Locking {
    private Locking() {}

    /** Throws when the guarded update of {@code table} changed no row. */
    static void requireUpdated(Tx tx, Handle h, int updated, String table, String entity, UUID id, int expected) {
        if (updated == 1) {
            return;
        }
        // A locking read: under MariaDB's repeatable read a plain one would show the transaction's
        // snapshot, not the version that won.
        Integer actual = h.createQuery("SELECT lock_version FROM " + table + " WHERE id = :id"
                        + tx.db.dialect().forUpdate())
                .bind("id", id)
                .mapTo(Integer.class)
                .findOne()
                .orElseThrow(() -> new NotFoundException(entity, id));
        throw new ConflictException(entity, id, expected, actual);
    }
}
