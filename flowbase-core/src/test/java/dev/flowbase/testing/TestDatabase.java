package dev.flowbase.testing;

import dev.flowbase.config.ConfigLoader;
import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.config.Settings;
import dev.flowbase.db.Database;
import dev.flowbase.db.Dialect;
import dev.flowbase.db.Dialects;
import dev.flowbase.engine.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;

/**
 * A database made for one test and dropped after it: a new database on the local PostgreSQL or
 * MariaDB server, or a new SQLite file. Sessions run in a non-UTC time zone (+12:45) so code
 * that relies on the session zone fails here rather than in production.
 */
public final class TestDatabase implements AutoCloseable {
    /** The PostgreSQL server tests make their databases on: {@code FLOWBASE_TEST_POSTGRES_URL}, ending in /. */
    public static final String POSTGRES_SERVER =
            server("FLOWBASE_TEST_POSTGRES_URL", "postgresql://root@127.0.0.1:5432/");
    /** The MariaDB server tests make their databases on: {@code FLOWBASE_TEST_MARIADB_URL}, ending in /. */
    public static final String MARIADB_SERVER = server("FLOWBASE_TEST_MARIADB_URL", "mariadb://root@127.0.0.1:3306/");
    /** MariaDB takes the zone per session; PostgreSQL's driver takes the JVM's (Pacific/Chatham in tests). */
    static final String MARIADB_SESSION_ZONE = "?sessionVariables=time_zone='%2B12:45'";

    private final Engine engine;
    private final String name;
    private final String url;
    private final Path sqliteFolder;
    private final List<Database> opened = new ArrayList<>();
    /** The pools' configuration when they go through a pgbouncer; null when they go straight to the server. */
    private final DatabaseConfig pooled;

    private TestDatabase(Engine engine, String name, String url, Path sqliteFolder, DatabaseConfig pooled) {
        this.engine = engine;
        this.name = name;
        this.url = url;
        this.sqliteFolder = sqliteFolder;
        this.pooled = pooled;
    }

    public static TestDatabase create(Engine engine) {
        String name = "fbt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return switch (engine) {
            case POSTGRESQL -> {
                admin(engine, dialect -> dialect.createDatabaseSql(name));
                yield new TestDatabase(engine, name, POSTGRES_SERVER + name, null, null);
            }
            case MARIADB -> {
                admin(engine, dialect -> dialect.createDatabaseSql(name));
                yield new TestDatabase(engine, name, MARIADB_SERVER + name + MARIADB_SESSION_ZONE, null, null);
            }
            case SQLITE -> {
                try {
                    Path folder = Files.createTempDirectory("flowbase-test-");
                    yield new TestDatabase(engine, name, "sqlite:" + folder.resolve(name + ".db"), folder, null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    public Engine engine() {
        return engine;
    }

    /** The database's name (for SQLite, the file's base name). */
    public String name() {
        return name;
    }

    /** A URL a user would pass to {@code --url}. */
    public String url() {
        return url;
    }

    public DatabaseConfig config() {
        return DatabaseConfig.fromUrl(url);
    }

    /**
     * This database with every pool {@link #open() opened} on it going through {@code bouncer} in
     * transaction mode ({@code prepareThreshold=0}), its sessions (LISTEN, locks) on {@code
     * DB_DIRECT_URL} straight to the server: the pgbouncer topology of docs/resilience.md. The
     * returned one owns the database from then on.
     */
    public TestDatabase through(PgBouncer bouncer) {
        DatabaseConfig through = new ConfigLoader()
                .environment(Map.of("DB_DIRECT_URL", url))
                .flag(
                        Settings.DATABASE_URL,
                        url.replace(config().hostAndPort(), "127.0.0.1:" + bouncer.port()) + "?prepareThreshold=0")
                .load()
                .database();
        return new TestDatabase(engine, name, url, sqliteFolder, through);
    }

    /** Opens a pool that is closed, and checked for leaked connections, when the test ends. */
    public Database open() {
        Database db = Database.open(pooled != null ? pooled : config());
        opened.add(db);
        return db;
    }

    /** Drops a PostgreSQL test database while pools still use it, as an operator's mistake would. */
    public void dropWhileInUse() {
        if (engine != Engine.POSTGRESQL) {
            throw new IllegalStateException("DROP DATABASE … WITH (FORCE) is PostgreSQL's");
        }
        admin(engine, dialect -> dialect.dropDatabaseSql(name)); // PostgreSQL's drop forces out other sessions
    }

    /** Fails when a pool opened here still has a connection in use: a test closes every one it opens. */
    public void assertNoConnectionInUse() {
        for (Database db : opened) {
            int active = db.poolStats().active();
            if (active > 0) {
                throw new AssertionError("The test leaked " + active + " connection(s) on " + engine
                        + ": close every Connection, Statement and ResultSet it opens");
            }
        }
    }

    @Override
    public void close() {
        opened.forEach(Database::close);
        switch (engine) {
            case POSTGRESQL, MARIADB -> admin(engine, dialect -> dialect.dropDatabaseSql(name));
            case SQLITE -> deleteFolder();
        }
    }

    private void deleteFolder() {
        try (var files = Files.walk(sqliteFolder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void admin(Engine engine, Function<Dialect, String> sql) {
        admin(engine, sql.apply(Dialects.forEngine(engine)));
    }

    /** Runs one administrative statement on the test server of {@code engine}, in its maintenance database. */
    public static void admin(Engine engine, String sql) {
        Dialect dialect = Dialects.forEngine(engine);
        String server = engine == Engine.POSTGRESQL ? POSTGRES_SERVER : MARIADB_SERVER;
        // MariaDB's maintenance database is "" (none): set it after parsing, where "" would mean the default.
        DatabaseConfig config = DatabaseConfig.fromUrl(server).withDatabase(dialect.maintenanceDatabase());
        Properties login = new Properties();
        login.setProperty("user", config.user());
        login.setProperty("password", config.password().value());
        try (Connection c = DriverManager.getConnection(dialect.jdbcUrl(config), login);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database setup on " + engine + " failed: " + e.getMessage(), e);
        }
    }

    private static String server(String variable, String local) {
        String url = System.getenv(variable);
        return url == null || url.isBlank() ? local : url.endsWith("/") ? url : url + "/";
    }
}
