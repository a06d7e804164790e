package dev.flowbase.db;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.engine.Engine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/**
 * Everything that differs between engines, and nothing else. Business code asks for a capability
 * ({@link #supportsSkipLocked()}), never for a vendor. One small class per engine implements it.
 */
public interface Dialect {

    Engine engine();

    // --- connecting --------------------------------------------------------------------------

    String jdbcUrl(DatabaseConfig config);

    /** Driver properties: TLS, statement timeout, engine pragmas, then the URL's own options. */
    Map<String, String> driverProperties(DatabaseConfig config);

    /** Oldest server version Flowbase supports, as {@code major.minor}. */
    String minimumVersion();

    ServerFacts serverFacts(Connection connection) throws SQLException;

    /**
     * Whether the storage the configuration names has gone from under an open pool. An embedded
     * database's open connections keep answering after its file was deleted, so health must look
     * for the file itself; a server's storage is the server's business.
     */
    default boolean storageMissing(DatabaseConfig config) {
        return false;
    }

    /** Where a statement timeout cannot be set on the session, it is set on every statement. */
    default boolean needsPerStatementTimeout() {
        return false;
    }

    // --- capabilities ------------------------------------------------------------------------

    boolean supportsTransactionalDdl();

    boolean supportsSkipLocked();

    boolean supportsReturning();

    boolean supportsListenNotify();

    /** Server-side databases that a user with the right grants may create ({@code CREATE DATABASE}). */
    boolean supportsCreateDatabase();

    // --- SQL ---------------------------------------------------------------------------------

    /** Quotes an identifier by the engine's own rules, doubling any quote inside it. */
    String quoteIdentifier(String identifier);

    /** Statement that creates database {@code name}, connected to {@link #maintenanceDatabase()}. */
    String createDatabaseSql(String name);

    String dropDatabaseSql(String name);

    /** A database that always exists, to connect to while creating or dropping others. */
    String maintenanceDatabase();

    // --- values ------------------------------------------------------------------------------

    /** Binds an instant so that the stored value is UTC whatever the session's time zone. */
    void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException;

    Instant getInstant(ResultSet resultSet, int column) throws SQLException;

    // --- errors ------------------------------------------------------------------------------

    /** Classifies a driver exception, looking through its causes. */
    SqlErrorKind classify(SQLException exception);
}
