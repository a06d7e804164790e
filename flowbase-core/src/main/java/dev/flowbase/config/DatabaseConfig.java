package dev.flowbase.config;

import dev.flowbase.db.Engine;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

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
        boolean ssl,
        boolean sslVerify,
        PoolSettings pool,
        Duration statementTimeout,
        boolean debug,
        Map<String, String> options) {

    public DatabaseConfig {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        host = host == null ? "" : host;
        user = user == null ? "" : user;
        password = password == null ? Secret.NONE : password;
        options = Map.copyOf(options);
    }

    /** A configuration read from {@code url} alone, with every other setting at its default. */
    public static DatabaseConfig fromUrl(String url) {
        return new ConfigLoader().flag(Setting.DATABASE_URL, url).load().database();
    }

    /** A copy that talks to another database on the same server (or another SQLite file). */
    public DatabaseConfig withDatabase(String otherDatabase) {
        return new DatabaseConfig(
                engine,
                host,
                port,
                otherDatabase,
                user,
                password,
                ssl,
                sslVerify,
                pool,
                statementTimeout,
                debug,
                options);
    }

    public DatabaseConfig withPool(PoolSettings otherPool) {
        return new DatabaseConfig(
                engine,
                host,
                port,
                database,
                user,
                password,
                ssl,
                sslVerify,
                otherPool,
                statementTimeout,
                debug,
                options);
    }

    public DatabaseConfig withSsl(boolean otherSsl, boolean otherVerify) {
        return new DatabaseConfig(
                engine,
                host,
                port,
                database,
                user,
                password,
                otherSsl,
                otherVerify,
                pool,
                statementTimeout,
                debug,
                options);
    }

    /** Where this points, for messages: {@code postgresql://root@127.0.0.1:5432/test}, never the password. */
    public String describeTarget() {
        if (engine == Engine.SQLITE) {
            return "sqlite:" + database;
        }
        return engine.id() + "://" + (user.isEmpty() ? "" : user + "@") + hostAndPort() + "/" + database;
    }

    public String hostAndPort() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
