package dev.flowbase.bench;

import dev.flowbase.config.ConfigLoader;
import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * One fresh database named {@code fbbench_*} on one engine, created for a single measurement and
 * dropped after it, so no run sees another's tables or history.
 */
record BenchDatabase(Engine engine, String name, String jdbcUrl, String flowbaseUrl) implements AutoCloseable {
    /**
     * The PostgreSQL server, {@code FLOWBASE_BENCH_PG} (host:port) if set: a private server started by
     * {@code bench/queue/pg-private} makes its WAL and CPU the benchmark's alone.
     */
    static final String PG_HOST = System.getenv().getOrDefault("FLOWBASE_BENCH_PG", "127.0.0.1:5432");

    static final String MARIADB_HOST = "127.0.0.1:3306";
    static final String USER = "root";

    enum Engine {
        POSTGRESQL("postgresql"),
        MARIADB("mariadb"),
        SQLITE("sqlite");

        final String id;

        Engine(String id) {
            this.id = id;
        }
    }

    static BenchDatabase create(Engine engine, String suffix, Path workDir) {
        String name = "fbbench_" + suffix;
        BenchDatabase db = switch (engine) {
            case POSTGRESQL ->
                new BenchDatabase(
                        engine,
                        name,
                        "jdbc:postgresql://" + PG_HOST + "/" + name,
                        "postgresql://" + USER + "@" + PG_HOST + "/" + name);
            case MARIADB ->
                new BenchDatabase(
                        engine,
                        name,
                        "jdbc:mariadb://" + MARIADB_HOST + "/" + name,
                        "mariadb://" + USER + "@" + MARIADB_HOST + "/" + name);
            case SQLITE -> {
                Path file = workDir.resolve(name + ".db");
                yield new BenchDatabase(engine, name, "jdbc:sqlite:" + file, "sqlite:" + file);
            }
        };
        db.drop();
        db.admin("CREATE DATABASE " + name);
        return db;
    }

    /** Flowbase's settings for this database: the URL alone, as a user would give it. */
    DatabaseConfig flowbaseConfig() {
        return DatabaseConfig.fromUrl(flowbaseUrl);
    }

    /**
     * As {@link #flowbaseConfig()} with the pool going through a pgbouncer in transaction mode at
     * {@code via} (host:port) and the sessions (LISTEN, locks) on DB_DIRECT_URL, as
     * docs/resilience.md's pgbouncer topology has it; the URL alone when {@code via} is empty.
     */
    DatabaseConfig flowbaseConfig(String via) {
        if (via.isEmpty()) {
            return flowbaseConfig();
        }
        return new ConfigLoader()
                .environment(Map.of("DB_DIRECT_URL", flowbaseUrl))
                .flag(Settings.DATABASE_URL, flowbaseUrl.replace(PG_HOST, via) + "?prepareThreshold=0")
                .load()
                .database();
    }

    /**
     * The JDBC URL Flyway and plain JDBC get. SQLite gets the WAL journal Flowbase's dialect sets, so both write the
     * file the same way; the servers need nothing extra.
     */
    String plainUrl() {
        return engine == Engine.SQLITE ? jdbcUrl + "?journal_mode=WAL" : jdbcUrl;
    }

    /** The SQLite file; meaningful for SQLite only. */
    Path sqliteFile() {
        return Path.of(jdbcUrl.substring("jdbc:sqlite:".length()));
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(plainUrl(), USER, "");
    }

    @Override
    public void close() {
        drop();
    }

    private void drop() {
        admin(
                engine == Engine.POSTGRESQL
                        ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
                        : "DROP DATABASE IF EXISTS " + name);
    }

    /** Runs a statement on the server's maintenance database; for SQLite, creating and dropping are file operations. */
    private void admin(String sql) {
        if (engine == Engine.SQLITE) {
            try {
                if (sql.startsWith("DROP")) {
                    for (String ext : new String[] {"", "-wal", "-shm", "-journal"}) {
                        Files.deleteIfExists(Path.of(sqliteFile() + ext));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        String url = engine == Engine.POSTGRESQL
                ? "jdbc:postgresql://" + PG_HOST + "/postgres"
                : "jdbc:mariadb://" + MARIADB_HOST + "/";
        try (Connection c = DriverManager.getConnection(url, USER, "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
