package dev.flowbase.store;

import dev.flowbase.util.Json;
import dev.flowbase.util.Sha256;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * API keys. A key is {@code fb_} and 40 random base64url characters; it is returned once by
 * {@link #create} and looked up later by its hash only.
 */
public final class ApiKeyStore {
    public static final String PREFIX = "fb_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Tx tx;
    private final String insert;

    ApiKeyStore(Tx tx) {
        this.tx = tx;
        this.insert = Rows.insert(
                tx,
                "api_keys",
                "id",
                "organization_id",
                "name",
                "key_hash",
                "key_prefix",
                "access_role",
                "scopes",
                "created_by",
                "expires_at",
                "created_at",
                "updated_at");
    }

    public ApiKey.Created create(UUID organizationId, String name, AccessRole role, UUID createdBy) {
        Checks.required("organizationId", organizationId);
        Checks.notBlank("name", name);
        Limits.text("name", name, Limits.NAME);
        Checks.required("role", role);
        return tx.write("Creating an API key", h -> {
            Instant now = tx.now();
            String secret = newSecret();
            var key = new ApiKey(
                    tx.newId(now),
                    organizationId,
                    name,
                    hash(secret),
                    secret.substring(0, 10),
                    role,
                    Json.emptyArray(),
                    createdBy,
                    null,
                    null,
                    null,
                    now,
                    now);
            h.createUpdate(insert).bindMethods(key).execute();
            tx.auditor.record(h, now, organizationId, "api_key.create", "api_key", key.id(), null, key);
            return new ApiKey.Created(key, secret);
        });
    }

    /**
     * A first admin key for the organization when it has no usable admin key; empty otherwise. The
     * check and the insert are one transaction, so two first runs at once cannot both mint one.
     */
    public Optional<ApiKey.Created> createFirstAdminIfNone(UUID organizationId) {
        return tx.write("Creating the first admin API key", h -> {
            // Lock the organization's row first: two callers then queue here instead of both seeing none.
            h.createQuery("SELECT id FROM organizations WHERE id = :org"
                            + tx.db.dialect().forUpdate())
                    .bind("org", organizationId)
                    .mapTo(UUID.class)
                    .findOne()
                    .orElseThrow(() -> new NotFoundException("organization", organizationId));
            boolean any = h.createQuery("SELECT COUNT(*) FROM api_keys WHERE organization_id = :org"
                                    + " AND access_role = 'admin' AND revoked_at IS NULL")
                            .bind("org", organizationId)
                            .mapTo(Integer.class)
                            .one()
                    > 0;
            return any
                    ? Optional.empty()
                    : Optional.of(create(organizationId, "initial admin key", AccessRole.ADMIN, null));
        });
    }

    /** The usable key whose secret this is, recording when it was used; empty for unknown, revoked or expired keys. */
    public Optional<ApiKey> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return tx.write("Checking an API key", h -> {
            Instant now = tx.now();
            Optional<ApiKey> key = h.createQuery("SELECT * FROM api_keys WHERE key_hash = :hash")
                    .bind("hash", hash(secret))
                    .map(tx.rows(ApiKey.class))
                    .findOne()
                    .filter(k -> k.usableAt(now));
            key.ifPresent(
                    k -> h.createUpdate("UPDATE api_keys SET last_used_at = :now, updated_at = :now WHERE id = :id")
                            .bind("now", now)
                            .bind("id", k.id())
                            .execute());
            return key.map(k -> get(k.id()));
        });
    }

    public ApiKey get(UUID id) {
        return tx.read("Reading API key " + id, h -> Rows.byId(tx, h, "api_keys", id, ApiKey.class))
                .orElseThrow(() -> new NotFoundException("API key", id));
    }

    public Page<ApiKey> list(UUID organizationId, PageRequest page) {
        return tx.read(
                "Listing API keys",
                h -> Keyset.OLDEST_FIRST.fetch(
                        tx,
                        h,
                        "api_keys",
                        "organization_id = :org",
                        page,
                        ApiKey.class,
                        q -> q.bind("org", organizationId)));
    }

    /** Revokes the key from now on; revoking a revoked key changes nothing. */
    public ApiKey revoke(UUID id) {
        return tx.write("Revoking API key " + id, h -> {
            ApiKey before = get(id);
            if (before.revokedAt() != null) {
                return before;
            }
            Instant now = tx.now();
            h.createUpdate("UPDATE api_keys SET revoked_at = :now, updated_at = :now WHERE id = :id")
                    .bind("now", now)
                    .bind("id", id)
                    .execute();
            ApiKey after = get(id);
            tx.auditor.record(h, now, after.organizationId(), "api_key.revoke", "api_key", id, before, after);
            return after;
        });
    }

    /** How a presented key is looked up: never by the key itself. */
    public static String hash(String secret) {
        return Sha256.hex(secret);
    }

    private static String newSecret() {
        byte[] bytes = new byte[30];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
