package dev.flowbase.server.http;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.store.ApiKey;
import dev.flowbase.store.ApiKeyStore;
import dev.flowbase.store.Stores;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The before-handler of {@code /api}: turns {@code Authorization: Bearer fb_…} into the caller's
 * {@link Principal}. Keys are looked up by their hash; a key found usable is trusted for
 * {@link #TRUST} before it is read again, so a busy client costs no write per request. A key revoked
 * through this server is forgotten at once; one revoked elsewhere within {@link #TRUST}.
 */
final class Authentication {
    static final Duration TRUST = Duration.ofSeconds(10);
    private static final String ATTRIBUTE = "flowbase.principal";

    private record Trusted(ApiKey key, long until) {}

    private final ApiKeyStore keys;
    private final InstantSource clock;
    private final Map<String, Trusted> trusted = new ConcurrentHashMap<>();

    Authentication(Stores stores) {
        this.keys = stores.apiKeys();
        this.clock = stores.clock();
    }

    /** Reads the key when one is presented; a bad one is refused here, a missing one by the route. */
    void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null) {
            return;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new FlowbaseException(
                    ErrorCode.UNAUTHENTICATED, "Authorization: expected 'Bearer ' and an API key (fb_…)");
        }
        String secret = header.substring(7).trim();
        String hash = ApiKeyStore.hash(secret);
        long now = clock.millis();
        Trusted known = trusted.get(hash);
        ApiKey key;
        if (known != null && known.until() > now && known.key().usableAt(clock.instant())) {
            key = known.key();
        } else {
            key = lookUp(secret)
                    .orElseThrow(() -> new FlowbaseException(
                            ErrorCode.UNAUTHENTICATED, "The API key is unknown, revoked or expired"));
            trusted.put(hash, new Trusted(key, now + TRUST.toMillis()));
        }
        ctx.attribute(ATTRIBUTE, Principal.of(key));
    }

    private Optional<ApiKey> lookUp(String secret) {
        if (trusted.size() > 10_000) {
            trusted.clear(); // a flood of distinct keys must not grow the map without bound
        }
        return keys.authenticate(secret);
    }

    /** Forgets a key at once, when it is revoked through this server. */
    void forget(UUID keyId) {
        trusted.values().removeIf(t -> t.key().id().equals(keyId));
    }

    /** The caller, checked against what the route needs: 401 without a key, 403 with too weak a one. */
    static Principal require(Context ctx, Route route) {
        Principal principal = ctx.attribute(ATTRIBUTE);
        if (route.access() == Access.PUBLIC) {
            return principal;
        }
        if (principal == null) {
            throw new FlowbaseException(
                    ErrorCode.UNAUTHENTICATED, "This route needs an API key: send Authorization: Bearer fb_…");
        }
        if (!route.access().allows(principal.role())) {
            throw new FlowbaseException(
                    ErrorCode.FORBIDDEN,
                    route + " needs the " + route.access().name().toLowerCase(java.util.Locale.ROOT)
                            + " role; this key is " + principal.role().name().toLowerCase(java.util.Locale.ROOT));
        }
        return principal;
    }

    static Principal of(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }
}
