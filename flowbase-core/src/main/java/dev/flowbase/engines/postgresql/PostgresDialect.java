package dev.flowbase.engines.postgresql;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.db.BulkLoader;
import dev.flowbase.db.Capabilities;
import dev.flowbase.db.Dialect;
import dev.flowbase.db.ServerFacts;
import dev.flowbase.db.ServerRole;
import dev.flowbase.db.SqlErrorKind;
import dev.flowbase.db.SqlStates;
import dev.flowbase.db.StatementLimit;
import dev.flowbase.db.Timeouts;
import dev.flowbase.engine.Engine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.postgresql.core.BaseConnection;

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
        if (!c.moreHosts().isEmpty()) {
            // Several hosts: the writable one, unless the URL says otherwise (its options come last).
            p.put("targetServerType", "primary");
        }
        // A server that stops answering (a dead host that drops packets) must not hold a thread forever.
        p.put("socketTimeout", String.valueOf(Timeouts.socketTimeout(c).toSeconds()));
        // A JDBC batch of INSERTs goes as multi-row INSERTs: the stores' bulk inserts are several times faster.
        p.put("reWriteBatchedInserts", "true");
        tls(c, p);
        if (!c.statementTimeout().isZero()) {
            p.put("options", "-c statement_timeout=" + c.statementTimeout().toMillis());
        }
        p.putAll(c.options());
        return p;
    }

    /**
     * pgjdbc knows libpq's modes; require skips the certificate, and without a CA file the
     * verifying modes trust Java's trust store (pgjdbc's own default, ~/.postgresql/root.crt, is
     * rarely there). verify-full's host name check is pgjdbc's, whichever factory.
     */
    private static void tls(DatabaseConfig c, Map<String, String> p) {
        p.put("sslmode", c.sslMode().text());
        if (!c.ssl()) {
            return;
        }
        p.put("ssl", "true");
        if (!c.sslVerify()) {
            p.put("sslfactory", "org.postgresql.ssl.NonValidatingFactory");
        } else if (c.sslCa().isPresent()) {
            p.put("sslrootcert", c.sslCa().get().toString());
        } else {
            p.put("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory");
        }
    }

    @Override
    public StatementLimit liftStatementLimit(Connection connection) throws SQLException {
        execute(connection, "SET statement_timeout = 0");
        StatementLimit socket = Timeouts.liftSocketTimeout(connection);
        // RESET returns to the session's default: the limit set when the connection was opened.
        return () -> {
            execute(connection, "RESET statement_timeout");
            socket.restore();
        };
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

    /** The host the driver chose among the URL's, and whether it is the primary or a standby. */
    @Override
    public Optional<ServerRole> describeServer(Connection connection) throws SQLException {
        String host = connection
                .unwrap(BaseConnection.class)
                .getQueryExecutor()
                .getHostSpec()
                .toString();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery()")) {
            rs.next();
            return Optional.of(new ServerRole(rs.getBoolean(1) ? "standby" : "primary", host));
        }
    }

    /** PostgreSQL says "canceling wait for synchronous replication …" as a WARNING of the COMMIT. */
    @Override
    public boolean commitUnconfirmed(Connection connection) throws SQLException {
        for (SQLWarning w = connection.getWarnings(); w != null; w = w.getNextWarning()) {
            if (String.valueOf(w.getMessage()).contains("synchronous replication")) {
                return true;
            }
        }
        return false;
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
            // A standby (or a primary being demoted) refuses writes: a failover is under way.
            case "25006" -> SqlErrorKind.NOT_PRIMARY;
            // pgjdbc reports a server without TLS as a rejected connection, told apart only by its words.
            case "08004" ->
                SqlStates.mentions(exception, "ssl") ? SqlErrorKind.TLS_FAILED : SqlErrorKind.CONNECTION_LOST;
            default -> SqlStates.common(exception).orElse(SqlErrorKind.OTHER);
        };
    }
}
