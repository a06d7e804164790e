package dev.flowbase.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the master key that encrypts sensitive configurations comes from: the value itself
 * ({@code FLOWBASE_MASTER_KEY}, base64 of 32 bytes) or a file holding it, readable by its owner only.
 */
public record SecuritySettings(Secret masterKey, Optional<Path> masterKeyFile) {
    public static final SecuritySettings NONE = new SecuritySettings(Secret.NONE, Optional.empty());
}
