package dev.flowbase.store;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.security.SecretBox;
import java.util.Optional;

/**
 * The secret box, asked for only when a sensitive value is written or revealed: an installation
 * without a master key works until it stores its first secret, and is then told how to set one.
 */
record SecretSource(Optional<SecretBox> box) {
    SecretBox require(String what) {
        return box.orElseThrow(() -> new FlowbaseException(
                ErrorCode.INVALID_CONFIGURATION,
                what + " is sensitive and needs a master key to be encrypted: set FLOWBASE_MASTER_KEY (base64 of 32"
                        + " bytes: `openssl rand -base64 32`) or security.master_key_file"));
    }
}
