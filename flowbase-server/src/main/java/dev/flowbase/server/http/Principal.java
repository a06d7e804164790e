package dev.flowbase.server.http;

import dev.flowbase.store.AccessRole;
import dev.flowbase.store.Actor;
import dev.flowbase.store.ApiKey;
import java.util.UUID;

/** The caller of a request, as its API key says: the organization it acts in and its access role. */
public record Principal(UUID apiKeyId, UUID organizationId, AccessRole role, String keyName) {
    static Principal of(ApiKey key) {
        return new Principal(key.id(), key.organizationId(), key.accessRole(), key.name());
    }

    /** The actor that audit rows of this caller's changes name. */
    public Actor actor() {
        return Actor.apiKey(apiKeyId, "api key " + keyName);
    }
}
