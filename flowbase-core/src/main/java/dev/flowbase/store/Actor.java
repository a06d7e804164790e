package dev.flowbase.store;

import java.util.Objects;
import java.util.UUID;

/**
 * Who made a change, as the audit log records it: a person, an API key, or Flowbase itself.
 *
 * @param label a readable name kept with the row, so it stays readable when the user or key is gone
 */
public record Actor(Type type, UUID userId, UUID apiKeyId, String label) {
    public enum Type {
        USER,
        API_KEY,
        SYSTEM
    }

    public Actor {
        Objects.requireNonNull(type, "type");
    }

    public static Actor system(String label) {
        return new Actor(Type.SYSTEM, null, null, label);
    }

    public static Actor user(UUID userId, String label) {
        return new Actor(Type.USER, userId, null, label);
    }

    public static Actor apiKey(UUID apiKeyId, String label) {
        return new Actor(Type.API_KEY, null, apiKeyId, label);
    }
}
