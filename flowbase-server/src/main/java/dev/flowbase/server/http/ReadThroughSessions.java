package dev.flowbase.server.http;

import dev.flowbase.server.http.Sessions.Session;
import java.util.Optional;
import java.util.UUID;

/**
 * Sessions in the database, read through the shared cache: what a server with Redis uses. Each page
 * request is answered from Redis; while Redis is away the cache is bypassed and the database still
 * knows every session, so nobody is signed out and a sign-in still works. Every change goes to both,
 * the database first.
 */
final class ReadThroughSessions implements SessionStorage {
    private final SessionStorage cached;
    private final SessionStorage stored;

    ReadThroughSessions(SessionStorage cached, SessionStorage stored) {
        this.cached = cached;
        this.stored = stored;
    }

    @Override
    public void open(Session session) {
        stored.open(session);
        cached.open(session);
    }

    @Override
    public Optional<Session> find(String id, long nowMillis) {
        return cached.find(id, nowMillis).or(() -> {
            Optional<Session> found = stored.find(id, nowMillis);
            found.ifPresent(cached::open);
            return found;
        });
    }

    @Override
    public void renew(Session session) {
        stored.renew(session);
        cached.renew(session);
    }

    @Override
    public void close(String id) {
        stored.close(id);
        cached.close(id);
    }

    @Override
    public void closeAll(UUID apiKeyId) {
        stored.closeAll(apiKeyId);
        cached.closeAll(apiKeyId);
    }
}
