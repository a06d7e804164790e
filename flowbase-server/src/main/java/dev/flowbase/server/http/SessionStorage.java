package dev.flowbase.server.http;

import dev.flowbase.server.http.Sessions.Session;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the admin page's sessions are kept, for every server that shares it: the shared cache when
 * Redis is set ({@link CachedSessions}), else the database ({@link StoredSessions}). {@link Sessions}
 * decides expiry and renewal; the storage only keeps what it is given.
 */
interface SessionStorage {
    void open(Session session);

    /** The session of this id, unless it is gone or its idle time ended before {@code nowMillis}. */
    Optional<Session> find(String id, long nowMillis);

    /** Keeps the session's new expiry; a session signed out meanwhile stays signed out where the storage can tell. */
    void renew(Session session);

    void close(String id);

    /** Ends every session of a revoked key, where the storage can find them by key. */
    void closeAll(UUID apiKeyId);
}
