package dev.flowbase.server.retention;

import dev.flowbase.config.ConfigEntry;
import dev.flowbase.config.FlowbaseConfig;
import dev.flowbase.config.OperationsSettings;
import dev.flowbase.search.Retention;
import dev.flowbase.search.RetentionPolicy;

/**
 * The retention settings as the configuration resolved them (flags, environment, file, defaults):
 * the policy, parsed with errors naming {@code retention.policy}, and the batch size.
 */
public record RetentionSettings(RetentionPolicy policy, int batchSize) {

    public static RetentionSettings from(FlowbaseConfig config) {
        String policy = value(config, OperationsSettings.RETENTION_POLICY.key());
        String batch = value(config, OperationsSettings.RETENTION_BATCH_SIZE.key());
        return new RetentionSettings(
                RetentionPolicy.parse(OperationsSettings.RETENTION_POLICY.key(), policy),
                batch == null ? Retention.DEFAULT_BATCH_SIZE : Integer.parseInt(batch.strip()));
    }

    private static String value(FlowbaseConfig config, String key) {
        return config.entries().stream()
                .filter(e -> e.key().equals(key))
                .map(ConfigEntry::shownValue)
                .findFirst()
                .orElse(null);
    }
}
