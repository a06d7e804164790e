package dev.flowbase.engines.sqlite;

import com.zaxxer.hikari.HikariConfig;
import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.db.Capabilities;
import dev.flowbase.db.Dialect;
import dev.flowbase.db.ServerFacts;
import dev.flowbase.db.SqlErrorKind;
import dev.flowbase.db.SqlStates;
import dev.flowbase.engine.Engine;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * SQLite 3.40+, embedded: transactional DDL and RETURNING, but no row locks (claims use a
 * compare-and-set), no server and so no TLS. WAL mode lets readers run beside the one writer.
 */
public final class SqliteDialect implements Dialect {

    private static final String MEMORY = ":memory:";

    /** A plain file path: not :memory:, not a file: URI whose options the driver reads. */
    private static boolean isPlainFile(DatabaseConfig config) {
        return !config.database().startsWith(":") && !config.database().startsWith("file:");
    }

    @Override
    public boolean storageMissing(DatabaseConfig config) {
        return isPlainFile(config) && !Files.exists(Path.of(config.database()));
    }

    /** The folder, and the file made owner-only: the driver would create it readable by everyone. */
    @Override
    public void prepareStorage(DatabaseConfig config) {
        if (!isPlainFile(config)) {
            return;
        }
        Path file = Path.of(config.database()).toAbsolutePath();
        Path parent = file.getParent();
        try {
            Files.createDirectories(parent);
            if (!Files.exists(file)
                    && parent.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
        } catch (FileAlreadyExistsException e) {
            // Another process starting at the same moment made the file first: it is there, as wanted.
        } catch (IOException e) {
            throw new FlowbaseException(
                    ErrorCode.CONNECTION_FAILED,
                    "Cannot create folder " + parent + " for SQLite database " + config.database() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** Every in-memory connection is a database of its own: keep exactly one, forever. */
    @Override
    public void adjustPool(HikariConfig pool, DatabaseConfig config) {
        if (MEMORY.equals(config.database())) {
            pool.setMaximumPoolSize(1);
            pool.setMinimumIdle(1);
            pool.setMaxLifetime(0);
            pool.setIdleTimeout(0);
        }
    }

    /** An empty in-memory database reads like a file that is not there yet, without creating it. */
    @Override
    public DatabaseConfig emptyStandIn(DatabaseConfig config) {
        return config.withDatabase(MEMORY);
    }

    static final int DEFAULT_BUSY_TIMEOUT_MS = 5_000;
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Override
    public Engine engine() {
        return Engine.SQLITE;
    }

    @Override
    public String jdbcUrl(DatabaseConfig c) {
        return "jdbc:sqlite:" + c.database();
    }

    @Override
    public Map<String, String> driverProperties(DatabaseConfig c) {
        Map<String, String> p = new LinkedHashMap<>();
        if (!":memory:".equals(c.database())) {
            p.put("journal_mode", "WAL");
        }
        p.put("foreign_keys", "true");
        // A transaction takes the write lock at BEGIN: two writers queue at the start instead of
        // meeting half-way, where SQLite could only fail one of them (SQLITE_BUSY_SNAPSHOT).
        p.put("transaction_mode", "IMMEDIATE");
        long busy = c.statementTimeout().isZero()
                ? DEFAULT_BUSY_TIMEOUT_MS
                : c.statementTimeout().toMillis();
        p.put("busy_timeout", String.valueOf(Math.min(busy, Integer.MAX_VALUE)));
        p.putAll(c.options());
        return p;
    }

    // No server to create databases on.
    private static final Capabilities CAPABILITIES = new Capabilities(true, false);

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public String minimumVersion() {
        return "3.40";
    }

    @Override
    public ServerFacts serverFacts(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT sqlite_version(), (SELECT file FROM pragma_database_list WHERE name = 'main')")) {
            rs.next();
            String file = rs.getString(2);
            return new ServerFacts(
                    "SQLite", rs.getString(1), file == null || file.isEmpty() ? ":memory:" : file, "", false);
        }
    }

    @Override
    public boolean needsPerStatementTimeout() {
        return true;
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return SqlStates.quote(identifier, '"');
    }

    @Override
    public String createDatabaseSql(String name) {
        throw new UnsupportedOperationException("SQLite databases are files; they are created on first connection");
    }

    @Override
    public String dropDatabaseSql(String name) {
        throw new UnsupportedOperationException("SQLite databases are files; delete the file instead");
    }

    @Override
    public String maintenanceDatabase() {
        return ":memory:";
    }

    @Override
    public void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        // Fixed-width ISO-8601 text in milliseconds, like the schema's strftime('%Y-%m-%dT%H:%M:%fZ') defaults,
        // so that text order is time order.
        statement.setString(index, value == null ? null : ISO_MILLIS.format(value));
    }

    @Override
    public String forUpdate() {
        return "";
    }

    @Override
    public Instant getInstant(ResultSet resultSet, int column) throws SQLException {
        String t = resultSet.getString(column);
        return t == null ? null : Instant.parse(t);
    }

    @Override
    public SqlErrorKind classify(SQLException exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException e) {
                return classify(e.getResultCode(), e);
            }
        }
        return SqlStates.common(exception).orElse(SqlErrorKind.OTHER);
    }

    private static SqlErrorKind classify(SQLiteErrorCode code, SQLiteException e) {
        return switch (code) {
            case SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY -> SqlErrorKind.UNIQUE_VIOLATION;
            case SQLITE_CONSTRAINT_FOREIGNKEY -> SqlErrorKind.FOREIGN_KEY_VIOLATION;
            case SQLITE_CONSTRAINT_NOTNULL -> SqlErrorKind.NOT_NULL_VIOLATION;
            case SQLITE_CONSTRAINT_CHECK -> SqlErrorKind.CHECK_VIOLATION;
            case SQLITE_BUSY_SNAPSHOT -> SqlErrorKind.DEADLOCK;
            case SQLITE_BUSY, SQLITE_BUSY_TIMEOUT, SQLITE_LOCKED, SQLITE_INTERRUPT -> SqlErrorKind.TIMEOUT;
            case SQLITE_CANTOPEN -> SqlErrorKind.UNKNOWN_DATABASE;
            case SQLITE_AUTH -> SqlErrorKind.AUTHENTICATION_FAILED;
            case SQLITE_ERROR -> SqlStates.mentions(e, "syntax error") ? SqlErrorKind.SYNTAX : SqlErrorKind.OTHER;
            default -> SqlErrorKind.OTHER;
        };
    }
}
