package dev.flowbase.seed;

import dev.flowbase.db.Database;
import dev.flowbase.store.AccessRole;
import dev.flowbase.store.Actor;
import dev.flowbase.store.ApiKey;
import dev.flowbase.store.ApiKeyStore;
import dev.flowbase.store.Stores;
import java.util.Optional;

/**
 * API keys of the default organization, for {@code flowbase init} (the first admin key) and
 * {@code flowbase api-key create}. The key itself exists once, in the return value, to be shown to
 * the person who ran the command; only its hash is stored.
 */
public final class AdminKeys {
    private AdminKeys() {}

    /**
     * A new admin key when the default organization has no admin key yet; empty otherwise. The check
     * and the insert share one transaction, so two inits at once cannot both mint a first key.
     */
    public static Optional<String> createIfNone(Database database) {
        Stores stores = Stores.create(database);
        return stores.executeTransaction(s -> s.apiKeys()
                .createFirstAdminIfNone(DefaultsSeed.defaultOrganization(s))
                .map(ApiKey.Created::secret));
    }

    /**
     * Mints a key of {@code role} in the default organization, for operators with database access
     * who lost the first one, and writes who did it to the audit log in the same transaction.
     */
    public static String create(Database database, String role, String name, String actor) {
        AccessRole accessRole = AccessRole.parse("--role", role);
        Stores stores = Stores.create(database).as(Actor.system(actor));
        return stores.executeTransaction(s -> s.apiKeys()
                .create(DefaultsSeed.defaultOrganization(s), name, accessRole, null)
                .secret());
    }

    /** How a presented key is looked up: never by the key itself. */
    public static String hash(String key) {
        return ApiKeyStore.hash(key);
    }
}
