package dev.flowbase.engine;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The database engines Flowbase runs on, with the facts that identify each (names and URL schemes,
 * the product name its driver reports, default port and database). Everything an engine does
 * differently lives in its {@link EngineKit}.
 */
public enum Engine {
    POSTGRESQL("postgresql", 5432, false, "flowbase", List.of("postgresql", "postgres", "pg"), "postgres"),
    MARIADB("mariadb", 3306, false, "flowbase", List.of("mariadb", "mysql"), "mariadb", "mysql"),
    SQLITE("sqlite", 0, true, "./data/flowbase.db", List.of("sqlite", "sqlite3"), "sqlite");

    /** The production engine, meant when only a host is configured. */
    public static final Engine SERVER_DEFAULT = POSTGRESQL;
    /** The engine meant when nothing is configured: a file under ./data/. */
    public static final Engine EMBEDDED_DEFAULT = SQLITE;

    private final String id;
    private final int defaultPort;
    private final boolean embedded;
    private final String defaultDatabase;
    private final List<String> names;
    private final List<String> productMarkers;

    Engine(
            String id,
            int defaultPort,
            boolean embedded,
            String defaultDatabase,
            List<String> names,
            String... productMarkers) {
        this.id = id;
        this.defaultPort = defaultPort;
        this.embedded = embedded;
        this.defaultDatabase = defaultDatabase;
        this.names = names;
        this.productMarkers = List.of(productMarkers);
    }

    /** The lower-case name used in URLs, folders ({@code db/migration/postgresql}) and output. */
    public String id() {
        return id;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /**
     * A database in a file of this process ({@code sqlite:PATH}) rather than on a server: no host,
     * no user, no password, and the database named is a path.
     */
    public boolean isEmbedded() {
        return embedded;
    }

    /**
     * Whether a URL may name several hosts to try in order ({@code h1:p1,h2:p2}), the driver
     * finding the primary among them: pgJDBC does; MariaDB's failover modes differ, and are not offered.
     */
    public boolean takesSeveralHosts() {
        return this == POSTGRESQL;
    }

    /** The database (for an embedded engine, the file) used when none is configured. */
    public String defaultDatabase() {
        return defaultDatabase;
    }

    /** Accepts the engine names and the URL schemes people use for them. */
    public static Optional<Engine> fromName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Engine e : values()) {
            if (e.names.contains(lower)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The engine whose driver reports {@code productName} (for example {@code PostgreSQL}, {@code MySQL}). */
    public static Optional<Engine> fromProductName(String productName) {
        String lower = productName.toLowerCase(Locale.ROOT);
        for (Engine e : values()) {
            if (e.productMarkers.stream().anyMatch(lower::contains)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
