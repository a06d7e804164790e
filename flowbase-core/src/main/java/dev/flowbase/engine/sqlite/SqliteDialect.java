package dev.flowbase.engine.sqlite;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.db.Dialect;
import dev.flowbase.db.ServerFacts;
import dev.flowbase.db.SqlErrorKind;
import dev.flowbase.db.SqlStates;
import dev.flowbase.engine.Engine;
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

    @Override
    public boolean storageMissing(DatabaseConfig config) {
        String file = config.database();
        return !file.startsWith(":")
                && !file.startsWith("file:")
                && !java.nio.file.Files.exists(java.nio.file.Path.of(file));
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
        long busy = c.statementTimeout().isZero()
                ? DEFAULT_BUSY_TIMEOUT_MS
                : c.statementTimeout().toMillis();
        p.put("busy_timeout", String.valueOf(Math.min(busy, Integer.MAX_VALUE)));
        p.putAll(c.options());
        return p;
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
    public boolean supportsTransactionalDdl() {
        return true;
    }

    @Override
    public boolean supportsSkipLocked() {
        return false;
    }

    @Override
    public boolean supportsReturning() {
        return true;
    }

    @Override
    public boolean supportsListenNotify() {
        return false;
    }

    @Override
    public boolean supportsCreateDatabase() {
        return false;
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
