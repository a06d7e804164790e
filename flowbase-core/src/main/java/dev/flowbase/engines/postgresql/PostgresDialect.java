package dev.flowbase.engines.postgresql;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.db.BulkLoader;
import dev.flowbase.db.Capabilities;
import dev.flowbase.db.Dialect;
import dev.flowbase.db.ServerFacts;
import dev.flowbase.db.SqlErrorKind;
import dev.flowbase.db.SqlStates;
import dev.flowbase.db.StatementLimit;
import dev.flowbase.engine.Engine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** PostgreSQL 14+: transactional DDL, SKIP LOCKED, RETURNING, LISTEN/NOTIFY, advisory locks. */
public final class PostgresDialect implements Dialect {
    private static final PostgresCopy COPY = new PostgresCopy();

    @Override
    public Engine engine() {
        return Engine.POSTGRESQL;
    }

    @Override
    public String jdbcUrl(DatabaseConfig c) {
        return "jdbc:postgresql://" + c.hostAndPort() + "/" + c.database();
    }

    @Override
    public Map<String, String> driverProperties(DatabaseConfig c) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ApplicationName", "flowbase");
        p.put(
                "connectTimeout",
                String.valueOf(Math.max(1, c.pool().connectionTimeout().toSeconds())));
        // Bounds the TLS handshake and login too, which connectTimeout (the TCP connect) does not.
        p.put(
                "loginTimeout",
                String.valueOf(Math.max(1, c.pool().connectionTimeout().toSeconds())));
        p.put("tcpKeepAlive", "true");
        // A JDBC batch of INSERTs goes as multi-row INSERTs: the stores' bulk inserts are several times faster.
        p.put("reWriteBatchedInserts", "true");
        if (c.ssl()) {
            p.put("ssl", "true");
            p.put("sslmode", c.sslVerify() ? "verify-full" : "require");
            if (!c.sslVerify()) {
                p.put("sslfactory", "org.postgresql.ssl.NonValidatingFactory");
            }
        } else {
            p.put("sslmode", "disable");
        }
        if (!c.statementTimeout().isZero()) {
            p.put("options", "-c statement_timeout=" + c.statementTimeout().toMillis());
        }
        p.putAll(c.options());
        return p;
    }

    @Override
    public StatementLimit liftStatementLimit(Connection connection) throws SQLException {
        execute(connection, "SET statement_timeout = 0");
        // RESET returns to the session's default: the limit set when the connection was opened.
        return () -> execute(connection, "RESET statement_timeout");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private static final Capabilities CAPABILITIES = new Capabilities(true, true);

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public String minimumVersion() {
        return "14.0";
    }

    @Override
    public ServerFacts serverFacts(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT current_setting('server_version'), current_database(),"
                                + " current_user, coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false)")) {
            rs.next();
            return new ServerFacts("PostgreSQL", rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4));
        }
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return SqlStates.quote(identifier, '"');
    }

    @Override
    public String createDatabaseSql(String name) {
        return "CREATE DATABASE " + quoteIdentifier(name);
    }

    @Override
    public String dropDatabaseSql(String name) {
        return "DROP DATABASE IF EXISTS " + quoteIdentifier(name) + " WITH (FORCE)";
    }

    @Override
    public String maintenanceDatabase() {
        return "postgres";
    }

    @Override
    public void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        statement.setObject(index, value == null ? null : OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
    }

    @Override
    public BulkLoader bulkLoader() {
        return COPY;
    }

    @Override
    public void setUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        statement.setObject(index, value, Types.OTHER);
    }

    @Override
    public void setJson(PreparedStatement statement, int index, String json) throws SQLException {
        // OTHER sends the text untyped, so the server reads it as the column's jsonb.
        statement.setObject(index, json, Types.OTHER);
    }

    @Override
    public Instant getInstant(ResultSet resultSet, int column) throws SQLException {
        OffsetDateTime t = resultSet.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    @Override
    public SqlErrorKind classify(SQLException exception) {
        String state = String.valueOf(SqlStates.first(exception).getSQLState());
        return switch (state) {
            case "23505" -> SqlErrorKind.UNIQUE_VIOLATION;
            case "23503" -> SqlErrorKind.FOREIGN_KEY_VIOLATION;
            case "23502" -> SqlErrorKind.NOT_NULL_VIOLATION;
            case "23514" -> SqlErrorKind.CHECK_VIOLATION;
            case "40001", "40P01" -> SqlErrorKind.DEADLOCK;
            case "57014", "55P03" -> SqlErrorKind.TIMEOUT;
            case "3D000" -> SqlErrorKind.UNKNOWN_DATABASE;
            case "42601" -> SqlErrorKind.SYNTAX;
            case "57P01", "57P02", "57P03" -> SqlErrorKind.CONNECTION_LOST;
            // pgjdbc reports a server without TLS as a rejected connection, told apart only by its words.
            case "08004" ->
                SqlStates.mentions(exception, "ssl") ? SqlErrorKind.TLS_FAILED : SqlErrorKind.CONNECTION_LOST;
            default -> SqlStates.common(exception).orElse(SqlErrorKind.OTHER);
        };
    }
}
