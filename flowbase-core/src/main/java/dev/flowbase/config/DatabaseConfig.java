package dev.flowbase.config;

import dev.flowbase.engine.Engine;
import dev.flowbase.resilience.BreakerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the database is and how to talk to it. For SQLite {@code database} is the file path (or
 * {@code :memory:}) and host and port are unused.
 */
public record DatabaseConfig(
        Engine engine,
        String host,
        int port,
        String database,
        String user,
        Secret password,
        SslMode sslMode,
        Optional<Path> sslCa,
        PoolSettings pool,
        Duration statementTimeout,
        Duration slowQuery,
        boolean debug,
        Map<String, String> options,
        BreakerSettings breaker,
        List<String> moreHosts,
        Secret directUrl,
        Secret fallbackUrl) {

    public DatabaseConfig {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(pool, "pool");
        sslMode = sslMode == null ? SslMode.DISABLE : sslMode;
        sslCa = sslCa == null ? Optional.empty() : sslCa;
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        Objects.requireNonNull(slowQuery, "slowQuery");
        host = host == null ? "" : host;
        user = user == null ? "" : user;
        password = password == null ? Secret.NONE : password;
        options = Map.copyOf(options);
        breaker = breaker == null ? BreakerSettings.DEFAULTS : breaker;
        moreHosts = moreHosts == null ? List.of() : List.copyOf(moreHosts);
        directUrl = directUrl == null ? Secret.NONE : directUrl;
        fallbackUrl = fallbackUrl == null ? Secret.NONE : fallbackUrl;
    }

    /**
     * The configuration of the fallback database ({@code DB_FALLBACK_URL}), which holds the outbox
     * of new tasks while this one is unreachable, with this one's timeouts; empty when none is set.
     */
    public Optional<DatabaseConfig> fallback() {
        if (fallbackUrl.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(fromUrl(fallbackUrl.value()).toBuilder()
                .pool(pool.withMaxSize(Math.min(pool.maxSize(), FALLBACK_POOL)))
                .statementTimeout(statementTimeout)
                .breaker(breaker)
                .build());
    }

    /** The fallback only appends to its outbox while the primary is away: a few connections are plenty. */
    private static final int FALLBACK_POOL = 4;

    /**
     * The configuration of the direct connection ({@code DB_DIRECT_URL}) for sessions that must not
     * go through a transaction pooler, with this one's timeouts; empty when none is set.
     */
    public Optional<DatabaseConfig> direct() {
        if (directUrl.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(fromUrl(directUrl.value()).toBuilder()
                .pool(pool)
                .statementTimeout(statementTimeout)
                .slowQuery(slowQuery)
                .breaker(breaker)
                .build());
    }

    /** Whether the connection is encrypted (any {@link SslMode} but {@code disable}). */
    public boolean ssl() {
        return sslMode.encrypted();
    }

    /** Whether the server's certificate must be signed by a trusted CA ({@code verify-ca}, {@code verify-full}). */
    public boolean sslVerify() {
        return sslMode.verifiesCertificate();
    }

    /** A configuration read from {@code url} alone, with every other setting at its default; reads no file. */
    public static DatabaseConfig fromUrl(String url) {
        return new ConfigLoader().flag(Settings.DATABASE_URL, url).load().database();
    }

    /** A copy that talks to another database on the same server (or another SQLite file). */
    public DatabaseConfig withDatabase(String otherDatabase) {
        return toBuilder().database(otherDatabase).build();
    }

    public DatabaseConfig withPool(PoolSettings otherPool) {
        return toBuilder().pool(otherPool).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A copy with some settings changed; every other one as in the original. */
    public static final class Builder {
        private final DatabaseConfig from;
        private String database;
        private PoolSettings pool;
        private Duration statementTimeout;
        private Duration slowQuery;
        private boolean debug;
        private final Map<String, String> options;
        private BreakerSettings breaker;

        private Builder(DatabaseConfig from) {
            this.from = from;
            this.database = from.database;
            this.pool = from.pool;
            this.statementTimeout = from.statementTimeout;
            this.slowQuery = from.slowQuery;
            this.debug = from.debug;
            this.options = new LinkedHashMap<>(from.options);
            this.breaker = from.breaker;
        }

        /** When the database's circuit breaker opens and for how long. */
        public Builder breaker(BreakerSettings value) {
            this.breaker = value;
            return this;
        }

        public Builder database(String value) {
            this.database = value;
            return this;
        }

        public Builder pool(PoolSettings value) {
            this.pool = value;
            return this;
        }

        public Builder statementTimeout(Duration value) {
            this.statementTimeout = value;
            return this;
        }

        public Builder slowQuery(Duration value) {
            this.slowQuery = value;
            return this;
        }

        public Builder debug(boolean value) {
            this.debug = value;
            return this;
        }

        /** A driver option, as if it had been a parameter of the URL. */
        public Builder option(String key, String value) {
            options.put(key, value);
            return this;
        }

        public DatabaseConfig build() {
            return new DatabaseConfig(
                    from.engine,
                    from.host,
                    from.port,
                    database,
                    from.user,
                    from.password,
                    from.sslMode,
                    from.sslCa,
                    pool,
                    statementTimeout,
                    slowQuery,
                    debug,
                    options,
                    breaker,
                    from.moreHosts,
                    from.directUrl,
                    from.fallbackUrl);
        }
    }

    /** Where this points, for messages: {@code postgresql://root@127.0.0.1:5432/test}, never the password. */
    public String describeTarget() {
        if (engine.isEmbedded()) {
            return engine.id() + ":" + database;
        }
        return engine.id() + "://" + (user.isEmpty() ? "" : user + "@") + hostAndPort() + "/" + database;
    }

    /** {@code host:port}, followed by the other hosts of a multi-host URL ({@code h1:5432,h2:5433}). */
    public String hostAndPort() {
        String first = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        return moreHosts.isEmpty() ? first : first + "," + String.join(",", moreHosts);
    }
}
