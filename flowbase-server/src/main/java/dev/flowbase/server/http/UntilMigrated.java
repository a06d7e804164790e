package dev.flowbase.server.http;

import dev.flowbase.cache.LocalCache;
import dev.flowbase.server.http.Sessions.Session;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Sessions kept in this process until the schema is current. A server started on a database whose
 * migrations are pending has no {@code page_sessions} table yet (V7), and its admin signs in to the
 * page precisely to apply them: those sessions stay in this process, as every session did before
 * V7, until they end; once the schema is current new sessions go to {@code stored}.
 */
final class UntilMigrated implements SessionStorage {
    private final BooleanSupplier schemaReady;
    private final SessionStorage stored;
    private final SessionStorage local = new CachedSessions(new LocalCache());

    UntilMigrated(BooleanSupplier schemaReady, SessionStorage stored) {
        this.schemaReady = schemaReady;
        this.stored = stored;
    }

    @Override
    public void open(Session session) {
        (schemaReady.getAsBoolean() ? stored : local).open(session);
    }

    @Override
    public Optional<Session> find(String id, long nowMillis) {
        Optional<Session> here = local.find(id, nowMillis);
        return here.isPresent() || !schemaReady.getAsBoolean() ? here : stored.find(id, nowMillis);
    }

    @Override
    public void renew(Session session) {
        boolean here = local.find(session.id(), Long.MIN_VALUE).isPresent();
        if (here) {
            local.renew(session);
        } else if (schemaReady.getAsBoolean()) {
            stored.renew(session);
        }
    }

    @Override
    public void close(String id) {
        local.close(id);
        if (schemaReady.getAsBoolean()) {
            stored.close(id);
        }
    }

    @Override
    public void closeAll(UUID apiKeyId) {
        local.closeAll(apiKeyId);
        if (schemaReady.getAsBoolean()) {
            stored.closeAll(apiKeyId);
        }
    }
}
