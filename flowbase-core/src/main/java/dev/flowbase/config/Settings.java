package dev.flowbase.config;

import dev.flowbase.engine.Engine;
import dev.flowbase.resilience.BreakerSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every setting Flowbase reads, each declared once (see {@link Setting}): the loader, {@code
 * flowbase config show}, the error messages and docs/configuration.md list them in this order.
 */
public final class Settings {
    private static final List<Setting<?>> ALL = new ArrayList<>();

    public static final Setting<String> ENVIRONMENT = declare(
            "environment",
            "--environment",
            Masking.NONE,
            new Parser<>(Environments::canonical, Environments.EXPECTED),
            Environments.DEVELOPMENT,
            "FLOWBASE_ENVIRONMENT",
            "DB_ENV",
            "NODE_ENV");
    /** Parsed by {@link DatabaseUrl}, which says what is wrong with a URL better than one line could. */
    public static final Setting<String> DATABASE_URL =
            declare("database.url", "--url", Masking.URL_CREDENTIALS, Parser.text(), null, "DATABASE_URL");

    /**
     * A URL straight to PostgreSQL for what needs a session of its own (LISTEN, advisory locks) when
     * {@code database.url} goes through a transaction pooler such as pgbouncer (docs/resilience.md).
     */
    public static final Setting<String> DATABASE_DIRECT_URL =
            declare("database.direct_url", null, Masking.URL_CREDENTIALS, Parser.text(), null, "DB_DIRECT_URL");

    /**
     * A second database (any engine) that keeps new tasks in an outbox while {@code database.url}
     * is unreachable, replayed into it when it returns (docs/resilience.md).
     */
    public static final Setting<String> DATABASE_FALLBACK_URL =
            declare("database.fallback_url", null, Masking.URL_CREDENTIALS, Parser.text(), null, "DB_FALLBACK_URL");

    public static final Setting<Engine> DATABASE_ENGINE = declare(
            "database.engine",
            null,
            Masking.NONE,
            new Parser<>(Engine::fromName, "expected postgresql, mariadb or sqlite"),
            null,
            "DB_ENGINE");
    public static final Setting<String> DATABASE_HOST =
            declare("database.host", null, Masking.NONE, Parser.text(), "127.0.0.1", "DB_HOST", "POSTGRES_HOST");
    public static final Setting<Integer> DATABASE_PORT =
            declare("database.port", null, Masking.NONE, Parser.port(), null, "DB_PORT", "POSTGRES_PORT");
    public static final Setting<String> DATABASE_NAME =
            declare("database.name", null, Masking.NONE, Parser.text(), null, "DB_NAME", "POSTGRES_DB");
    public static final Setting<String> DATABASE_USER =
            declare("database.user", null, Masking.NONE, Parser.text(), null, "DB_USER", "POSTGRES_USER");
    public static final Setting<String> DATABASE_PASSWORD =
            declare("database.password", null, Masking.SECRET, Parser.text(), null, "DB_PASSWORD", "POSTGRES_PASSWORD");
    public static final Setting<String> DATABASE_PASSWORD_FILE =
            declare("database.password_file", null, Masking.NONE, Parser.path(), null, "DB_PASSWORD_FILE");
    public static final Setting<Boolean> DATABASE_SSL =
            declare("database.ssl", null, Masking.NONE, Parser.bool(), false, "DB_SSL");
    public static final Setting<Boolean> DATABASE_SSL_REJECT_UNAUTHORIZED = declare(
            "database.ssl_reject_unauthorized", null, Masking.NONE, Parser.bool(), true, "DB_SSL_REJECT_UNAUTHORIZED");
    /** Decides when given (here or as the URL's {@code sslmode}); else DB_SSL and DB_SSL_REJECT_UNAUTHORIZED do. */
    public static final Setting<SslMode> DATABASE_SSL_MODE = declare(
            "database.ssl_mode",
            null,
            Masking.NONE,
            new Parser<>(SslMode::parse, SslMode.EXPECTED),
            null,
            "DB_SSL_MODE",
            "PGSSLMODE");

    public static final Setting<String> DATABASE_SSL_CA =
            declare("database.ssl_ca", null, Masking.NONE, Parser.path(), null, "DB_SSL_CA", "PGSSLROOTCERT");
    public static final Setting<Integer> POOL_MAX = declare(
            "database.pool.max",
            null,
            Masking.NONE,
            Parser.integer(1, 10_000, "expected a whole number from 1 to 10000"),
            10,
            "DB_POOL_MAX");
    public static final Setting<Integer> POOL_MIN = declare(
            "database.pool.min",
            null,
            Masking.NONE,
            Parser.integer(0, 10_000, "expected a whole number from 0 to 10000"),
            2,
            "DB_POOL_MIN");
    public static final Setting<Integer> IDLE_TIMEOUT = declare(
            "database.pool.idle_timeout",
            null,
            Masking.NONE,
            Parser.integer(10_000, Integer.MAX_VALUE, "expected milliseconds, at least 10000"),
            30_000,
            "DB_IDLE_TIMEOUT");
    public static final Setting<Integer> CONNECTION_TIMEOUT = declare(
            "database.pool.connection_timeout",
            null,
            Masking.NONE,
            Parser.integer(250, Integer.MAX_VALUE, "expected milliseconds, at least 250"),
            10_000,
            "DB_CONNECTION_TIMEOUT");
    public static final Setting<Integer> STATEMENT_TIMEOUT = declare(
            "database.statement_timeout",
            null,
            Masking.NONE,
            Parser.integer(0, Integer.MAX_VALUE, "expected milliseconds, a whole number >= 0 (0 means no limit)"),
            30_000,
            "DB_STATEMENT_TIMEOUT",
            "DB_QUERY_TIMEOUT");
    public static final Setting<Integer> SLOW_QUERY = declare(
            "database.slow_query_ms",
            null,
            Masking.NONE,
            Parser.integer(0, Integer.MAX_VALUE, "expected milliseconds, a whole number >= 0 (0 logs no slow query)"),
            1_000,
            "DB_SLOW_QUERY_MS");
    public static final Setting<Boolean> DEBUG =
            declare("database.debug", null, Masking.NONE, Parser.bool(), false, "DB_DEBUG");
    /** The database's circuit breaker (docs/resilience.md): opens at this share of failed calls. */
    public static final Setting<Integer> BREAKER_FAILURE_RATE = declare(
            "database.breaker.failure_rate",
            null,
            Masking.NONE,
            Parser.integer(1, 100, "expected a percentage from 1 to 100"),
            BreakerSettings.DEFAULT_FAILURE_RATE_PERCENT,
            "DB_BREAKER_FAILURE_RATE");

    public static final Setting<Integer> BREAKER_WINDOW = declare(
            "database.breaker.window",
            null,
            Masking.NONE,
            Parser.integer(1, 10_000, "expected a number of calls from 1 to 10000"),
            BreakerSettings.DEFAULT_WINDOW,
            "DB_BREAKER_WINDOW");
    public static final Setting<Integer> BREAKER_OPEN_WAIT = declare(
            "database.breaker.open_wait",
            null,
            Masking.NONE,
            Parser.integer(100, Integer.MAX_VALUE, "expected milliseconds, at least 100"),
            (int) BreakerSettings.DEFAULT_OPEN_WAIT.toMillis(),
            "DB_BREAKER_OPEN_WAIT");
    public static final Setting<Integer> BREAKER_SLOW_CALL = declare(
            "database.breaker.slow_call",
            null,
            Masking.NONE,
            Parser.integer(
                    0, Integer.MAX_VALUE, "expected milliseconds, a whole number >= 0 (0 counts no call as slow)"),
            0,
            "DB_BREAKER_SLOW_CALL");
    public static final Setting<String> REDIS_URL = declare(
            "redis.url",
            null,
            Masking.URL_CREDENTIALS,
            Parser.url("expected redis://[user:password@]host:port[/db] or rediss://…", "redis://", "rediss://"),
            null,
            "REDIS_URL");
    public static final Setting<String> SERVER_HOST =
            declare("server.host", "--host", Masking.NONE, Parser.text(), "127.0.0.1", "FLOWBASE_HOST");
    public static final Setting<Integer> SERVER_PORT = declare(
            "server.port",
            "--port",
            Masking.NONE,
            Parser.integer(0, 65535, "expected a port from 1 to 65535, or 0 to pick a free one"),
            8080,
            "FLOWBASE_PORT");
    public static final Setting<Boolean> SERVER_AUTO_MIGRATE = declare(
            "server.auto_migrate", "--auto-migrate", Masking.NONE, Parser.bool(), false, "FLOWBASE_AUTO_MIGRATE");
    public static final Setting<Integer> SERVER_RATE_LIMIT = declare(
            "server.rate_limit",
            null,
            Masking.NONE,
            Parser.integer(
                    0, 1_000_000, "expected requests a second per key or address, a whole number >= 0 (0 is off)"),
            100,
            "FLOWBASE_RATE_LIMIT");
    public static final Setting<Integer> SERVER_RATE_BURST = declare(
            "server.rate_burst",
            null,
            Masking.NONE,
            Parser.integer(1, 1_000_000, "expected the most requests a key or address may send at once, >= 1"),
            200,
            "FLOWBASE_RATE_BURST");
    public static final Setting<Integer> SERVER_MAX_BODY_BYTES = declare(
            "server.max_body_bytes",
            null,
            Masking.NONE,
            Parser.integer(1_024, Integer.MAX_VALUE, "expected bytes, a whole number >= 1024"),
            1_048_576,
            "FLOWBASE_MAX_BODY_BYTES");
    public static final Setting<String> SERVER_CORS_ORIGINS =
            declare("server.cors_origins", null, Masking.NONE, Parser.text(), null, "FLOWBASE_CORS_ORIGINS");
    public static final Setting<Integer> SERVER_SHUTDOWN_GRACE_MS = declare(
            "server.shutdown_grace_ms",
            null,
            Masking.NONE,
            Parser.integer(0, 600_000, "expected milliseconds, a whole number from 0 to 600000"),
            10_000,
            "FLOWBASE_SHUTDOWN_GRACE_MS");
    public static final Setting<Integer> SERVER_REAPER_MS = declare(
            "server.reaper_interval_ms",
            null,
            Masking.NONE,
            Parser.integer(100, 3_600_000, "expected milliseconds, a whole number from 100 to 3600000"),
            5_000,
            "FLOWBASE_REAPER_INTERVAL_MS");
    public static final Setting<String> LOG_FORMAT = declare(
            "log.format",
            "--log-format",
            Masking.NONE,
            Parser.oneOf("expected text or json", "text", "json"),
            "text",
            "FLOWBASE_LOG_FORMAT");

    public static final Setting<String> MASTER_KEY =
            declare("security.master_key", null, Masking.SECRET, Parser.masterKey(), null, "FLOWBASE_MASTER_KEY");
    public static final Setting<String> MASTER_KEY_FILE =
            declare("security.master_key_file", null, Masking.NONE, Parser.path(), null, "FLOWBASE_MASTER_KEY_FILE");

    private Settings() {}

    private static <T> Setting<T> declare(
            String key, String flag, Masking masking, Parser<T> parser, T defaultValue, String... variables) {
        return declare(ALL, new Setting<>(key, flag, masking, parser, defaultValue, List.of(variables)));
    }

    /** Adds {@code setting} to {@code into}, the list of the class that declares it, and returns it. */
    static <T> Setting<T> declare(List<Setting<?>> into, Setting<T> setting) {
        into.add(setting);
        return setting;
    }

    /** Every setting, in the order declared: these, then {@link OperationsSettings}'. */
    static List<Setting<?>> all() {
        List<Setting<?>> all = new ArrayList<>(ALL);
        all.addAll(OperationsSettings.declared());
        return Collections.unmodifiableList(all);
    }
}
