package dev.flowbase.store;

import dev.flowbase.util.Sha256;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The admin page's sign-ins when no Redis is shared: one row per signed-in browser, so that servers
 * on one database share them and a restart keeps them. A session is looked up by the SHA-256 of its
 * id, never by the id (the cookie) itself; what a session holds is the caller's JSON. Times are
 * the caller's, so the sessions' clock decides expiry.
 */
public final class PageSessionStore {
    private final Tx tx;

    PageSessionStore(Tx tx) {
        this.tx = tx;
    }

    /** Keeps a new session until {@code expiresAt}, and forgets those that expired before {@code now}. */
    public void open(String sessionId, UUID apiKeyId, String data, Instant now, Instant expiresAt) {
        tx.write("Opening a page session", h -> {
            h.createUpdate("DELETE FROM page_sessions WHERE expires_at < :now")
                    .bind("now", now)
                    .execute();
            return h.createUpdate(Rows.insert(
                            tx, "page_sessions", "id_hash", "api_key_id", "data", "expires_at", "created_at"))
                    .bind("idHash", hash(sessionId))
                    .bind("apiKeyId", apiKeyId)
                    .bind("data", data)
                    .bind("expiresAt", expiresAt)
                    .bind("createdAt", now)
                    .execute();
        });
    }

    /** What the session holds, while it has not expired at {@code now}. */
    public Optional<String> find(String sessionId, Instant now) {
        return tx.read(
                "Reading a page session",
                h -> h.createQuery("SELECT data FROM page_sessions WHERE id_hash = :id AND expires_at >= :now")
                        .bind("id", hash(sessionId))
                        .bind("now", now)
                        .mapTo(String.class)
                        .findOne());
    }

    /** Pushes the session's end back; false when it is gone (signed out meanwhile), which stays gone. */
    public boolean renew(String sessionId, String data, Instant expiresAt) {
        return tx.write(
                        "Renewing a page session",
                        h -> h.createUpdate(
                                        "UPDATE page_sessions SET data = :data, expires_at = :expires WHERE id_hash = :id")
                                .bind("data", data)
                                .bind("expires", expiresAt)
                                .bind("id", hash(sessionId))
                                .execute())
                > 0;
    }

    /** Signs one browser out, on every server. */
    public void close(String sessionId) {
        tx.write(
                "Closing a page session",
                h -> h.createUpdate("DELETE FROM page_sessions WHERE id_hash = :id")
                        .bind("id", hash(sessionId))
                        .execute());
    }

    /** Signs out every session opened with this key (it was revoked); returns how many. */
    public int closeAll(UUID apiKeyId) {
        return tx.write(
                "Closing the page sessions of API key " + apiKeyId,
                h -> h.createUpdate("DELETE FROM page_sessions WHERE api_key_id = :key")
                        .bind("key", apiKeyId)
                        .execute());
    }

    private static String hash(String sessionId) {
        return Sha256.hex(sessionId);
    }
}
