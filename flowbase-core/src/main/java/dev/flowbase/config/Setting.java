package dev.flowbase.config;

import java.util.List;
import java.util.Optional;

/**
 * Every configuration setting, with its config-file key, its environment variables (the first
 * one set wins) and its command-line flag. Defaults live here as named values so that
 * {@code flowbase config show} and the docs say the same thing.
 */
public enum Setting {
    ENVIRONMENT(
            "environment", "--environment", Masking.NONE, "development", "FLOWBASE_ENVIRONMENT", "DB_ENV", "NODE_ENV"),
    DATABASE_URL("database.url", "--url", Masking.URL_CREDENTIALS, null, "DATABASE_URL"),
    DATABASE_ENGINE("database.engine", null, Masking.NONE, null, "DB_ENGINE"),
    DATABASE_HOST("database.host", null, Masking.NONE, null, "DB_HOST", "POSTGRES_HOST"),
    DATABASE_PORT("database.port", null, Masking.NONE, null, "DB_PORT", "POSTGRES_PORT"),
    DATABASE_NAME("database.name", null, Masking.NONE, null, "DB_NAME", "POSTGRES_DB"),
    DATABASE_USER("database.user", null, Masking.NONE, null, "DB_USER", "POSTGRES_USER"),
    DATABASE_PASSWORD("database.password", null, Masking.SECRET, null, "DB_PASSWORD", "POSTGRES_PASSWORD"),
    DATABASE_PASSWORD_FILE("database.password_file", null, Masking.NONE, null, "DB_PASSWORD_FILE"),
    DATABASE_SSL("database.ssl", null, Masking.NONE, "false", "DB_SSL"),
    DATABASE_SSL_REJECT_UNAUTHORIZED(
            "database.ssl_reject_unauthorized", null, Masking.NONE, "true", "DB_SSL_REJECT_UNAUTHORIZED"),
    POOL_MAX("database.pool.max", null, Masking.NONE, "10", "DB_POOL_MAX"),
    POOL_MIN("database.pool.min", null, Masking.NONE, "2", "DB_POOL_MIN"),
    IDLE_TIMEOUT("database.pool.idle_timeout", null, Masking.NONE, "30000", "DB_IDLE_TIMEOUT"),
    CONNECTION_TIMEOUT("database.pool.connection_timeout", null, Masking.NONE, "10000", "DB_CONNECTION_TIMEOUT"),
    STATEMENT_TIMEOUT(
            "database.statement_timeout", null, Masking.NONE, "30000", "DB_STATEMENT_TIMEOUT", "DB_QUERY_TIMEOUT"),
    DEBUG("database.debug", null, Masking.NONE, "false", "DB_DEBUG"),
    REDIS_URL("redis.url", null, Masking.URL_CREDENTIALS, null, "REDIS_URL"),
    SERVER_HOST("server.host", "--host", Masking.NONE, "127.0.0.1", "FLOWBASE_HOST"),
    SERVER_PORT("server.port", "--port", Masking.NONE, "8080", "FLOWBASE_PORT"),
    LOG_FORMAT("log.format", "--log-format", Masking.NONE, "text", "FLOWBASE_LOG_FORMAT");

    /** How a value is shown in output, errors and logs. */
    public enum Masking {
        NONE,
        SECRET,
        URL_CREDENTIALS
    }

    private final String key;
    private final String flag;
    private final Masking masking;
    private final String defaultValue;
    private final List<String> environmentVariables;

    Setting(String key, String flag, Masking masking, String defaultValue, String... environmentVariables) {
        this.key = key;
        this.flag = flag;
        this.masking = masking;
        this.defaultValue = defaultValue;
        this.environmentVariables = List.of(environmentVariables);
    }

    /** The dotted key in the config file, for example {@code database.pool.max}. */
    public String key() {
        return key;
    }

    public Optional<String> flag() {
        return Optional.ofNullable(flag);
    }

    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    public List<String> environmentVariables() {
        return environmentVariables;
    }

    /** The value as it may be shown to a person: secrets become {@code ****}. */
    public String display(String value) {
        return switch (masking) {
            case NONE -> value;
            case SECRET -> Secret.MASK;
            case URL_CREDENTIALS -> Secret.maskUrlCredentials(value);
        };
    }

    public static Optional<Setting> byKey(String key) {
        for (Setting s : values()) {
            if (s.key.equals(key)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
