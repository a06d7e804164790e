package dev.flowbase.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole effective configuration, validated once and immutable from then on. {@code placeholders}
 * are the values of migration placeholders ({@code ${name}}) from all sources. {@link #entries()}
 * keeps where every value came from, for {@code flowbase config show}.
 */
public record FlowbaseConfig(
        String environment,
        DatabaseConfig database,
        Optional<String> redisUrl,
        ServerSettings server,
        AlertSettings alerts,
        LogFormat logFormat,
        SecuritySettings security,
        Map<String, String> placeholders,
        List<ConfigEntry> entries) {

    public static final String PRODUCTION = Environments.PRODUCTION;

    public enum LogFormat {
        TEXT,
        JSON
    }

    public FlowbaseConfig {
        placeholders = Map.copyOf(placeholders);
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
