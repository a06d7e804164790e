package dev.flowbase.store;

import dev.flowbase.cache.EventBus;
import dev.flowbase.db.Database;
import dev.flowbase.db.DatabaseException;
import dev.flowbase.engine.EngineKit;
import dev.flowbase.util.Uuids;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * What every store shares: the database, the clock that stamps the rows Flowbase writes, the
 * auditor of this caller, the secret box. It also turns the foundation's classified failures into
 * this package's domain exceptions, in one place.
 */
final class Tx {
    final Database db;
    final InstantSource clock;
    final Auditor auditor;
    final SecretSource secrets;
    /** The organization the caller acts in ({@link Stores#within}); null for Flowbase itself and library users. */
    final UUID tenant;
    /** Where committed changes of runs are published ({@link Stores#withEvents}); null for nowhere. */
    private final EventBus events;
    /** How the engine is told the caller's organization, where it checks it itself (row-level security). */
    private final TenantSession session;

    Tx(Database db, InstantSource clock, Auditor auditor, SecretSource secrets, UUID tenant, EventBus events) {
        this.db = db;
        this.clock = clock;
        this.auditor = auditor;
        this.secrets = secrets;
        this.tenant = tenant;
        this.events = events;
        this.session = EngineKit.of(db.engine()).part(TenantSession.class);
    }

    Tx as(Actor actor, Origin origin) {
        return new Tx(db, clock, new Auditor(actor, origin), secrets, tenant, events);
    }

    Tx within(UUID organizationId) {
        return new Tx(db, clock, auditor, secrets, organizationId, events);
    }

    Tx with(InstantSource newClock, SecretSource newSecrets, EventBus newEvents) {
        return new Tx(db, newClock, auditor, newSecrets, tenant, newEvents);
    }

    EventBus events() {
        return events;
    }

    /** Publishes an event when the transaction of {@code h} commits (the caller's, inside one); never if it rolls back. */
    void publishOnCommit(Handle h, String type, UUID organization, String data) {
        if (events != null) {
            h.afterCommit(() -> events.publish(type, organization.toString(), data));
        }
    }

    /** Whether Flowbase itself writes through these stores: no caller, or the system actor. */
    boolean isFlowbase() {
        return auditor.isFlowbase();
    }

    /**
     * Now, in milliseconds: the precision every engine keeps (SQLite stores milliseconds), so a
     * record returned by a write equals the record read back.
     */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    UUID newId(Instant at) {
        return Uuids.v7(at);
    }

    /** The row mapper of a record type, resolved once (see {@link Database#rows}). */
    <T> RowMapper<T> rows(Class<T> type) {
        return db.rows(type);
    }

    /** The identifier quoted by the engine's rules ({@code key} is reserved on MariaDB). */
    String q(String identifier) {
        return db.dialect().quoteIdentifier(identifier);
    }

    <T> T write(String action, HandleCallback<T, RuntimeException> work) {
        try {
            return db.inTransaction(action, scoped(work));
        } catch (DatabaseException e) {
            throw translate(e);
        }
    }

    <T> T read(String action, HandleCallback<T, RuntimeException> work) {
        try {
            // A caller's read names its organization to the engine, which needs a transaction to hold it.
            return scoped() ? db.inTransaction(action, scoped(work)) : db.withHandle(action, work);
        } catch (DatabaseException e) {
            throw translate(e);
        }
    }

    private boolean scoped() {
        return tenant != null && session.enforced();
    }

    /** {@code work}, after telling the engine the caller's organization when it checks it itself. */
    private <T> HandleCallback<T, RuntimeException> scoped(HandleCallback<T, RuntimeException> work) {
        if (!scoped()) {
            return work;
        }
        return h -> {
            session.enter(h, tenant);
            return work.withHandle(h);
        };
    }

    private static RuntimeException translate(DatabaseException e) {
        return switch (e.kind()) {
            case UNIQUE_VIOLATION, FOREIGN_KEY_VIOLATION, NOT_NULL_VIOLATION, CHECK_VIOLATION ->
                ConstraintMeanings.describe(e);
            case CONNECTION_LOST, TIMEOUT -> new UnavailableException(e.getMessage(), e);
            // A deadlock stays as it is, so that the outermost transaction can run again.
            default -> e;
        };
    }
}
