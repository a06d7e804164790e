package dev.flowbase.server.http;

import dev.flowbase.cache.Cache;
import dev.flowbase.server.http.Sessions.Session;
import dev.flowbase.util.Json;
import java.util.Optional;
import java.util.UUID;

/**
 * Sessions in the shared cache: in Redis every server sees them and they outlive a restart. A key's
 * sessions cannot be listed here; its revocation reaches them through the event bus ({@link
 * Sessions#forgetKey}) and the key check every {@link Authentication#TRUST}.
 */
final class CachedSessions implements SessionStorage {
    private static final String KEY = "session:";

    private final Cache cache;

    CachedSessions(Cache cache) {
        this.cache = cache;
    }

    @Override
    public void open(Session session) {
        keep(session);
    }

    @Override
    public Optional<Session> find(String id, long nowMillis) {
        return cache.get(KEY + id)
                .map(json -> Json.MAPPER.convertValue(Json.read(json), Session.class))
                .filter(s -> s.expiresAtMillis() >= nowMillis);
    }

    @Override
    public void renew(Session session) {
        keep(session);
    }

    @Override
    public void close(String id) {
        cache.invalidate(KEY + id);
    }

    @Override
    public void closeAll(UUID apiKeyId) {
        // not listable by key: Sessions remembers the revoked key instead
    }

    private void keep(Session s) {
        cache.put(KEY + s.id(), Json.write(s), Sessions.IDLE);
    }
}
