package dev.flowbase.server.http;

import dev.flowbase.server.http.Sessions.Session;
import dev.flowbase.store.PageSessionStore;
import dev.flowbase.util.Json;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Sessions in the database, where no Redis is set: servers on one database share them, a restart
 * keeps them, and a sign-out or a revocation deletes the rows, so every server refuses them on the
 * next request. Stored as JSON without the id, which the row knows only by its hash.
 */
final class StoredSessions implements SessionStorage {
    /** What a row holds: the session but its id. */
    private record Kept(Principal principal, String csrf, long expiresAtMillis, long checkedAtMillis) {}

    private final PageSessionStore store;

    StoredSessions(PageSessionStore store) {
        this.store = store;
    }

    @Override
    public void open(Session s) {
        store.open(
                s.id(),
                s.principal().apiKeyId(),
                json(s),
                Instant.ofEpochMilli(s.checkedAtMillis()), // a new session's key was checked now
                Instant.ofEpochMilli(s.expiresAtMillis()));
    }

    @Override
    public Optional<Session> find(String id, long nowMillis) {
        return store.find(id, Instant.ofEpochMilli(nowMillis))
                .map(json -> Json.MAPPER.convertValue(Json.read(json), Kept.class))
                .map(k -> new Session(id, k.principal(), k.csrf(), k.expiresAtMillis(), k.checkedAtMillis()));
    }

    @Override
    public void renew(Session s) {
        store.renew(s.id(), json(s), Instant.ofEpochMilli(s.expiresAtMillis()));
    }

    @Override
    public void close(String id) {
        store.close(id);
    }

    @Override
    public void closeAll(UUID apiKeyId) {
        store.closeAll(apiKeyId);
    }

    private static String json(Session s) {
        return Json.write(new Kept(s.principal(), s.csrf(), s.expiresAtMillis(), s.checkedAtMillis()));
    }
}
