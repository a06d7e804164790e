package dev.flowbase.server.http;

import dev.flowbase.cache.Cache;
import dev.flowbase.cache.EventBus;
import dev.flowbase.cache.Shared;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.store.ApiKey;
import dev.flowbase.store.ApiKeyStore;
import dev.flowbase.store.NotFoundException;
import dev.flowbase.store.Organization;
import dev.flowbase.store.OrganizationStore;
import dev.flowbase.store.Stores;
import dev.flowbase.util.Json;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The before-handler of {@code /api}: turns {@code Authorization: Bearer fb_…} into the caller's
 * {@link Principal}. Keys are looked up by their hash; a key found usable is kept in the shared
 * {@link Cache} for {@link #TRUST} before it is read again, so a busy client costs no write per
 * request. A revoked key is dropped from the cache (in Redis: for every server at once) and its
 * revocation published on the {@link EventBus}, which ends its sessions on every server; without
 * Redis, another server forgets it within {@link #TRUST}. A second copy is kept for
 * {@link StaleAnswers#KEPT}, read only while the database's breaker is open, so that stale reads
 * can be served to a key the database cannot be asked about; a revocation drops it too.
 */
final class Authentication {
    static final Duration TRUST = Duration.ofSeconds(10);
    private static final String ATTRIBUTE = "flowbase.principal";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    static final String REVOKED = "apikey.revoked";
    private static final String KEY = "apikey:";
    private static final String STALE_KEY = "apikey-stale:";

    private final ApiKeyStore keys;
    private final OrganizationStore organizations;
    private final InstantSource clock;
    /** The installation's organization, once it exists: its slug never changes, so it is read once. */
    private final AtomicReference<UUID> installation = new AtomicReference<>();

    private final Cache trusted;
    private final EventBus bus;

    private final Sessions sessions;

    Authentication(Stores stores, Sessions sessions, Shared shared) {
        this.keys = stores.apiKeys();
        this.organizations = stores.organizations();
        this.clock = stores.clock();
        this.sessions = sessions;
        this.trusted = shared.cache();
        this.bus = shared.events();
        // Quietly: a server without Redis does not hold a connection for LISTEN until a live-events client asks.
        bus.subscribeQuietly(e -> {
            if (REVOKED.equals(e.type())) {
                UUID revoked = UUID.fromString(Json.read(e.data()).path("key").asText());
                sessions.forgetKey(revoked);
            }
        });
    }

    /** The principal of a key, for the admin page's sign-in form; empty when the key is not usable. */
    Optional<Principal> signIn(String secret) {
        return secret == null || secret.isBlank()
                ? Optional.empty()
                : lookUp(secret.trim()).map(this::principal);
    }

    /**
     * Reads the key when one is presented; a bad one is refused here, a missing one by the route.
     * Without a key, the admin page's session cookie stands for the key it was opened with; a
     * change sent with the cookie must repeat the session's CSRF token in a header, which another
     * site's page cannot read, so it cannot forge the change.
     */
    void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null) {
            sessions.find(ctx.cookie(Sessions.COOKIE)).ifPresent(session -> {
                if (!SAFE_METHODS.contains(ctx.method().name())
                        && !session.csrf().equals(ctx.header(Sessions.CSRF_HEADER))) {
                    throw new FlowbaseException(
                            ErrorCode.CSRF_TOKEN_MISSING,
                            "A change sent with the admin page's session needs its " + Sessions.CSRF_HEADER
                                    + " header; reload the page");
                }
                ctx.attribute(ATTRIBUTE, session.principal());
            });
            return;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new FlowbaseException(
                    ErrorCode.UNAUTHENTICATED, "Authorization: expected 'Bearer ' and an API key (fb_…)");
        }
        String secret = header.substring(7).trim();
        String hash = ApiKeyStore.hash(secret);
        ApiKey key = trusted.get(KEY + hash)
                .map(json -> Json.MAPPER.convertValue(Json.read(json), ApiKey.class))
                .filter(k -> k.usableAt(clock.instant()))
                .orElse(null);
        if (key == null) {
            key = lookUpOrStale(secret, hash)
                    .orElseThrow(() -> new FlowbaseException(
                            ErrorCode.UNAUTHENTICATED, "The API key is unknown, revoked or expired"));
        }
        ctx.attribute(ATTRIBUTE, principal(key));
    }

    /** The key from the database, or while its breaker is open the copy kept when it last answered. */
    private Optional<ApiKey> lookUpOrStale(String secret, String hash) {
        Optional<ApiKey> found;
        try {
            found = lookUp(secret);
        } catch (FlowbaseException e) {
            // Unavailable (the breaker open, or the call that opens it): a key this installation
            // found usable lately still answers what needs no database, such as /metrics during
            // the outage it reports. A revocation drops the copy (forget), expiry still counts.
            if (e.code() != ErrorCode.UNAVAILABLE) {
                throw e;
            }
            return Optional.of(trusted.get(STALE_KEY + hash)
                    .map(json -> Json.MAPPER.convertValue(Json.read(json), ApiKey.class))
                    .filter(k -> k.usableAt(clock.instant()))
                    .orElseThrow(() -> e));
        }
        found.ifPresent(k -> {
            trusted.put(KEY + hash, Json.write(k), TRUST);
            trusted.put(STALE_KEY + hash, Json.write(k), StaleAnswers.KEPT);
        });
        return found;
    }

    private Principal principal(ApiKey key) {
        UUID org = installation.get();
        if (org == null) {
            org = organizations.installation().map(Organization::id).orElse(null);
            installation.compareAndSet(null, org);
        }
        return Principal.of(key, org);
    }

    private Optional<ApiKey> lookUp(String secret) {
        return keys.authenticate(secret);
    }

    /**
     * Forgets a key revoked through this server: out of the shared cache before the revocation's
     * answer goes out, and its sessions ended on every server that hears the bus.
     */
    void forget(UUID keyId) {
        try {
            forgetDeleted(keyId, keys.get(keyId).keyHash());
        } catch (NotFoundException e) {
            sessions.forgetKey(keyId);
            bus.publish(REVOKED, null, Json.write(Map.of("key", keyId.toString())));
        }
    }

    /**
     * As {@link #forget}, for a key whose row is gone (an erased organization's): the hash it was
     * cached under is given, since no row can say it any more.
     */
    void forgetDeleted(UUID keyId, String keyHash) {
        trusted.invalidate(KEY + keyHash);
        trusted.invalidate(STALE_KEY + keyHash);
        sessions.forgetKey(keyId);
        bus.publish(REVOKED, null, Json.write(Map.of("key", keyId.toString())));
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
        if (!route.access().allows(principal)) {
            throw new FlowbaseException(
                    ErrorCode.FORBIDDEN,
                    route + " needs the " + route.access().label() + " role" + installationHint(route.access())
                            + "; this key is " + principal.role().name().toLowerCase(Locale.ROOT)
                            + (principal.installation() ? " of the installation's organization" : ""));
        }
        return principal;
    }

    private static String installationHint(Access access) {
        return access.label().startsWith("installation ")
                ? " (a key of the installation's organization, '" + OrganizationStore.INSTALLATION_SLUG + "')"
                : "";
    }

    static Principal of(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }
}
