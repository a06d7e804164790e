package dev.flowbase.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The closed set of environments, with the short forms people type for them. An unknown name is a
 * configuration error rather than a fourth environment, because a misspelt "prodution" would
 * otherwise run as if it were not production.
 */
public final class Environments {
    public static final String DEVELOPMENT = "development";
    public static final String TESTING = "testing";
    public static final String PRODUCTION = "production";

    static final String EXPECTED = "expected development (dev), testing (test) or production (prod)";

    private static final Map<String, String> NAMES = Map.of(
            "development", DEVELOPMENT,
            "dev", DEVELOPMENT,
            "testing", TESTING,
            "test", TESTING,
            "production", PRODUCTION,
            "prod", PRODUCTION);

    private Environments() {}

    /** The canonical name of {@code text} in any case, or empty when it names no environment. */
    public static Optional<String> canonical(String text) {
        return Optional.ofNullable(NAMES.get(text.strip().toLowerCase(Locale.ROOT)));
    }
}
