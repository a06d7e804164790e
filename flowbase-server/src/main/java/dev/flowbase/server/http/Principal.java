package dev.flowbase.server.http;

import dev.flowbase.store.AccessRole;
import dev.flowbase.store.Actor;
import dev.flowbase.store.ApiKey;
import java.util.UUID;

/**
 * The caller of a request, as its API key says: the organization it acts in, its access role, and
 * whether that organization is the installation's own ({@code installation}), whose keys may change
 * what belongs to the whole installation.
 */
public record Principal(UUID apiKeyId, UUID organizationId, AccessRole role, String keyName, boolean installation) {
    static Principal of(ApiKey key, UUID installationOrganization) {
        return new Principal(
                key.id(),
                key.organizationId(),
                key.accessRole(),
                key.name(),
                key.organizationId().equals(installationOrganization));
    }

    /** The actor that audit rows of this caller's changes name. */
    public Actor actor() {
        return Actor.apiKey(apiKeyId, "api key " + keyName);
    }
}
