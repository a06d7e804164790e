package dev.flowbase.server.http;

import dev.flowbase.cache.Cache;
import dev.flowbase.cache.LocalCache;
import dev.flowbase.store.PageSessionStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The admin page's sign-ins: a session per browser, kept where every server behind a balancer finds
 * it and a restart keeps it (in the database, read through Redis when it is set, {@link #inCache};
 * else in the database only, {@link #inDatabase}), and one-time sign-in links that {@code serve} prints on a first run. A session
 * carries the principal of the key it was opened with and a CSRF token that every change sent with
 * the cookie must repeat in a header.
 */
public final class Sessions {
    public static final String COOKIE = "flowbase_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final Duration IDLE = Duration.ofHours(8);
    static final Duration LINK = Duration.ofMinutes(15);
    private static final Duration RENEW = Duration.ofMinutes(1);

    /** A signed-in browser; its key was last found usable at {@code checkedAtMillis}. */
    public record Session(String id, Principal principal, String csrf, long expiresAtMillis, long checkedAtMillis) {}

    private record Link(Principal principal, long expiresAtMillis) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final InstantSource clock;
    private final Predicate<UUID> keyUsable;
    private final SessionStorage sessions;
    /** Keys revoked while their sessions may live, heard from any server: their sessions end at once. */
    private final Map<UUID, Long> revoked = new ConcurrentHashMap<>();

    private final Map<String, Link> links = new ConcurrentHashMap<>();

    /**
     * @param keyUsable whether the API key of this id is still usable (not revoked, not expired),
     *     asked at most every {@link Authentication#TRUST} per session, as a key itself is trusted
     */
    public Sessions(InstantSource clock, Predicate<UUID> keyUsable) {
        this(clock, keyUsable, new CachedSessions(new LocalCache()));
    }

    Sessions(InstantSource clock, Predicate<UUID> keyUsable, SessionStorage sessions) {
        this.clock = clock;
        this.keyUsable = keyUsable;
        this.sessions = sessions;
    }

    /**
     * Sessions in the database, read through the shared cache: what a server with Redis uses, so that
     * page requests are answered from Redis and nobody is signed out while Redis is away.
     */
    public static Sessions inCache(
            InstantSource clock,
            Predicate<UUID> keyUsable,
            Cache cache,
            PageSessionStore store,
            BooleanSupplier schemaReady) {
        return new Sessions(
                clock,
                keyUsable,
                new UntilMigrated(
                        schemaReady, new ReadThroughSessions(new CachedSessions(cache), new StoredSessions(store))));
    }

    /** Sessions in the database: what servers without Redis use, to share them all the same. */
    public static Sessions inDatabase(
            InstantSource clock, Predicate<UUID> keyUsable, PageSessionStore store, BooleanSupplier schemaReady) {
        return new Sessions(clock, keyUsable, new UntilMigrated(schemaReady, new StoredSessions(store)));
    }

    public Session open(Principal principal) {
        long now = clock.millis();
        Session s = new Session(token(), principal, token(), now + IDLE.toMillis(), now);
        sessions.open(s);
        return s;
    }

    /**
     * The live session of this id; each use pushes its expiry back by {@link #IDLE}. A session whose
     * key was revoked (through any server) or expired ends within {@link Authentication#TRUST}.
     */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        long now = clock.millis();
        Session s = sessions.find(id, now).orElse(null);
        if (s == null
                || s.expiresAtMillis() < now
                || revoked.containsKey(s.principal().apiKeyId())) {
            close(id);
            return Optional.empty();
        }
        long checked = s.checkedAtMillis();
        if (now - checked > Authentication.TRUST.toMillis()) {
            if (!keyUsable.test(s.principal().apiKeyId())) {
                close(id);
                return Optional.empty();
            }
            checked = now;
        }
        Session renewed = new Session(s.id(), s.principal(), s.csrf(), now + IDLE.toMillis(), checked);
        if (renewed.expiresAtMillis() - s.expiresAtMillis() > RENEW.toMillis() || checked != s.checkedAtMillis()) {
            sessions.renew(renewed); // not on every request: one write a minute per busy session is enough
        }
        return Optional.of(renewed);
    }

    public void close(String id) {
        if (id != null) {
            sessions.close(id);
        }
    }

    /** Signs out every session opened with a key that was just revoked (here or on another server). */
    void forgetKey(UUID apiKeyId) {
        long now = clock.millis();
        revoked.values().removeIf(until -> until < now);
        revoked.put(apiKeyId, now + IDLE.toMillis());
        sessions.closeAll(apiKeyId);
    }

    /** A token for a one-time sign-in link, good for {@link #LINK}. */
    public String link(Principal principal) {
        String token = token();
        links.put(token, new Link(principal, clock.millis() + LINK.toMillis()));
        return token;
    }

    /** Uses up a link's token: the session it opens, or empty when it is unknown, used or old. */
    public Optional<Session> redeem(String token) {
        Link link = token == null ? null : links.remove(token);
        if (link == null || link.expiresAtMillis() < clock.millis()) {
            return Optional.empty();
        }
        return Optional.of(open(link.principal()));
    }

    /** 256 random bits, URL-safe: session ids, CSRF tokens, sign-in links. */
    public static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
