package dev.flowbase.config;

import java.util.List;
import java.util.Optional;

/**
 * The whole effective configuration, validated once and immutable from then on. {@link #entries()}
 * keeps where every value came from, for {@code flowbase config show}.
 */
public record FlowbaseConfig(
        String environment,
        DatabaseConfig database,
        Optional<String> redisUrl,
        ServerSettings server,
        LogFormat logFormat,
        List<ConfigEntry> entries) {

    public static final String PRODUCTION = Environments.PRODUCTION;

    public enum LogFormat {
        TEXT,
        JSON
    }

    public FlowbaseConfig {
        entries = List.copyOf(entries);
    }

    /** Reads flags (none), the process environment and {@code ./flowbase.yml} when present. */
    public static FlowbaseConfig load() {
        return new ConfigLoader()
                .environment(System.getenv())
                .defaultConfigFileIfPresent()
                .load();
    }

    public boolean isProduction() {
        return PRODUCTION.equals(environment);
    }
}
