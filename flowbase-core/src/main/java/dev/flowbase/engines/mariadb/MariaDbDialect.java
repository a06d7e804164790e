package dev.flowbase.engines.mariadb;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.config.SslMode;
import dev.flowbase.db.Capabilities;
import dev.flowbase.db.Dialect;
import dev.flowbase.db.ServerFacts;
import dev.flowbase.db.SqlErrorKind;
import dev.flowbase.db.SqlStates;
import dev.flowbase.db.StatementLimit;
import dev.flowbase.db.Timeouts;
import dev.flowbase.engine.Engine;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** MariaDB 10.7+: SKIP LOCKED and RETURNING on INSERT/DELETE, but DDL commits implicitly. */
public final class MariaDbDialect implements Dialect {

    @Override
    public Engine engine() {
        return Engine.MARIADB;
    }

    @Override
    public String jdbcUrl(DatabaseConfig c) {
        return "jdbc:mariadb://" + c.hostAndPort() + "/" + c.database();
    }

    @Override
    public Map<String, String> driverProperties(DatabaseConfig c) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("connectTimeout", String.valueOf(c.pool().connectionTimeout().toMillis()));
        p.put("socketTimeout", String.valueOf(Timeouts.socketTimeout(c).toMillis()));
        // Connector/J's names: trust is libpq's require; without serverSslCert, Java's trust store.
        p.put("sslMode", c.sslMode() == SslMode.REQUIRE ? "trust" : c.sslMode().text());
        c.sslCa().ifPresent(ca -> p.put("serverSslCert", ca.toString()));
        p.putAll(c.options());
        if (!c.statementTimeout().isZero()) {
            // max_statement_time is in seconds, with fractions; the URL's own session variables are kept.
            String limit = String.format(
                    Locale.ROOT, "max_statement_time=%.3f", c.statementTimeout().toMillis() / 1000.0);
            p.merge("sessionVariables", limit, (fromUrl, ours) -> ours + "," + fromUrl);
        }
        return p;
    }

    @Override
    public StatementLimit liftStatementLimit(Connection connection) throws SQLException {
        String previous;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT @@SESSION.max_statement_time")) {
            rs.next();
            previous = rs.getString(1);
        }
        set(connection, "0");
        StatementLimit socket = Timeouts.liftSocketTimeout(connection);
        return () -> {
            set(connection, previous);
            socket.restore();
        };
    }

    /** SET takes no bound parameter here; the value is a number, checked as one before it is written. */
    private static void set(Connection connection, String seconds) throws SQLException {
        String value = new BigDecimal(seconds).toPlainString();
        try (Statement s = connection.createStatement()) {
            s.execute("SET SESSION max_statement_time = " + value);
        }
    }

    /** MySQL speaks the same protocol; its versions are numbered differently. */
    @Override
    public boolean versionApplies(ServerFacts facts) {
        return "MariaDB".equals(facts.product());
    }

    // DDL commits the transaction it runs in.
    private static final Capabilities CAPABILITIES = new Capabilities(false, true);

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public String minimumVersion() {
        return "10.7"; // the native UUID type the core schema uses
    }

    @Override
    public ServerFacts serverFacts(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT version(), database(), current_user(),"
                        + " (SELECT variable_value FROM information_schema.session_status"
                        + " WHERE variable_name = 'Ssl_cipher')")) {
            rs.next();
            String cipher = rs.getString(4);
            String version = rs.getString(1);
            String product = version.toLowerCase(Locale.ROOT).contains("mariadb") ? "MariaDB" : "MySQL";
            return new ServerFacts(
                    product, version, rs.getString(2), rs.getString(3), cipher != null && !cipher.isEmpty());
        }
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return SqlStates.quote(identifier, '`');
    }

    @Override
    public String createDatabaseSql(String name) {
        return "CREATE DATABASE " + quoteIdentifier(name) + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";
    }

    @Override
    public String dropDatabaseSql(String name) {
        return "DROP DATABASE IF EXISTS " + quoteIdentifier(name);
    }

    @Override
    public String maintenanceDatabase() {
        return "";
    }

    @Override
    public void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        // DATETIME has no zone: store UTC wall-clock time, never the session's.
        statement.setObject(index, value == null ? null : LocalDateTime.ofInstant(value, ZoneOffset.UTC));
    }

    @Override
    public Instant getInstant(ResultSet resultSet, int column) throws SQLException {
        LocalDateTime t = resultSet.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    @Override
    public SqlErrorKind classify(SQLException exception) {
        SQLException first = SqlStates.first(exception);
        return switch (first.getErrorCode()) {
            case 1062, 1586 -> SqlErrorKind.UNIQUE_VIOLATION;
            case 1216, 1217, 1451, 1452 -> SqlErrorKind.FOREIGN_KEY_VIOLATION;
            case 1048, 1364 -> SqlErrorKind.NOT_NULL_VIOLATION;
            case 3819, 4025 -> SqlErrorKind.CHECK_VIOLATION;
            case 1213 -> SqlErrorKind.DEADLOCK;
            case 1205, 1969, 3024 -> SqlErrorKind.TIMEOUT;
            case 1045, 1698 -> SqlErrorKind.AUTHENTICATION_FAILED;
            case 1049 -> SqlErrorKind.UNKNOWN_DATABASE;
            case 1064 -> SqlErrorKind.SYNTAX;
            default ->
                SqlStates.mentions(exception, "ssl not enabled")
                        ? SqlErrorKind.TLS_FAILED
                        : SqlStates.common(exception).orElse(SqlErrorKind.OTHER);
        };
    }
}
