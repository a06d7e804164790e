package dev.flowbase.engine;

import java.util.Locale;
import java.util.Optional;

/** The database engines Flowbase runs on. What differs between them lives in each engine's parts (see EngineKit). */
public enum Engine {
    POSTGRESQL("postgresql", 5432),
    MARIADB("mariadb", 3306),
    SQLITE("sqlite", 0);

    private final String id;
    private final int defaultPort;

    Engine(String id, int defaultPort) {
        this.id = id;
        this.defaultPort = defaultPort;
    }

    /** The lower-case name used in URLs, folders ({@code db/migration/postgresql}) and output. */
    public String id() {
        return id;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public boolean isEmbedded() {
        return this == SQLITE;
    }

    /** Accepts the engine names and the URL schemes people use for them. */
    public static Optional<Engine> fromName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "postgresql", "postgres", "pg" -> Optional.of(POSTGRESQL);
            case "mariadb", "mysql" -> Optional.of(MARIADB);
            case "sqlite", "sqlite3" -> Optional.of(SQLITE);
            default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return id;
    }
}
