package dev.flowbase.db;

import com.zaxxer.hikari.HikariConfig;
import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.engine.Engine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * How an engine connects, binds and fails; its other differences are the kit's other parts. Business
 * code asks for a capability ({@code capabilities().transactionalDdl()}), never for a vendor. One small
 * class per engine implements it.
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

    /** Makes ready what the first connection needs and the driver would not make well (a folder, a file's mode). */
    default void prepareStorage(DatabaseConfig config) {}

    /** Changes the pool's settings where the engine needs it (one connection for an in-memory database). */
    default void adjustPool(HikariConfig pool, DatabaseConfig config) {}

    /**
     * A configuration to read instead of {@code config} when its storage is missing and the caller
     * only reads (a dry run): opening the real one would create it. The same configuration by default.
     */
    default DatabaseConfig emptyStandIn(DatabaseConfig config) {
        return config;
    }

    /** Whether {@link #minimumVersion()} applies to the server described (not to a look-alike product). */
    default boolean versionApplies(ServerFacts facts) {
        return true;
    }

    /**
     * Whether the storage the configuration names has gone from under an open pool. An embedded
     * database's open connections keep answering after its file was deleted, so health must look
     * for the file itself; a server's storage is the server's business.
     */
    default boolean storageMissing(DatabaseConfig config) {
        return false;
    }

    /**
     * Lifts the statement time limit of {@code connection}'s session until the result is restored.
     * By default, the client-side limit that Flowbase applies where the engine has none of its own.
     */
    default StatementLimit liftStatementLimit(Connection connection) throws SQLException {
        return connection instanceof StatementLimit.ClientSide clientSide ? clientSide.lift() : StatementLimit.NONE;
    }

    /** Where a statement timeout cannot be set on the session, it is set on every statement. */
    default boolean needsPerStatementTimeout() {
        return false;
    }

    // --- capabilities ------------------------------------------------------------------------

    Capabilities capabilities();

    // --- SQL ---------------------------------------------------------------------------------

    /** Quotes an identifier by the engine's own rules, doubling any quote inside it. */
    String quoteIdentifier(String identifier);

    /** Statement that creates database {@code name}, connected to {@link #maintenanceDatabase()}. */
    String createDatabaseSql(String name);

    String dropDatabaseSql(String name);

    /** A database that always exists, to connect to while creating or dropping others. */
    String maintenanceDatabase();

    /**
     * What a SELECT appends to lock the rows it reads until the transaction ends. SQLite has no row
     * locks and needs none: its writers hold the database's write lock from BEGIN.
     */
    default String forUpdate() {
        return " FOR UPDATE";
    }

    /** How many rows are loaded at once: a batch of INSERTs by default, faster where the engine has a way. */
    default BulkLoader bulkLoader() {
        return new BatchLoader(this);
    }

    // --- values ------------------------------------------------------------------------------

    /** Binds an instant so that the stored value is UTC whatever the session's time zone. */
    void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException;

    Instant getInstant(ResultSet resultSet, int column) throws SQLException;

    /** Binds a UUID (or null): as text by default, for columns that hold it as text. */
    default void setUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        statement.setString(index, value == null ? null : value.toString());
    }

    /** Binds a JSON document given as text (or null) to a JSON column: as text by default. */
    default void setJson(PreparedStatement statement, int index, String json) throws SQLException {
        statement.setString(index, json);
    }

    // --- errors ------------------------------------------------------------------------------

    /**
     * Which server {@code connection} reached and its role, for status ({@code primary at
     * db2:5432}): with several hosts in the URL, the one the driver chose. Empty where the engine
     * has one server and no role to tell.
     */
    default Optional<ServerRole> describeServer(Connection connection) throws SQLException {
        return Optional.empty();
    }

    /**
     * Whether the commit just made on {@code connection} was only local: the server reported (as a
     * warning, not an error) that its wait for a synchronous standby was cancelled. Such a commit
     * can vanish in a failover, so Flowbase does not acknowledge it. Never, by default.
     */
    default boolean commitUnconfirmed(Connection connection) throws SQLException {
        return false;
    }

    /** Classifies a driver exception, looking through its causes. */
    SqlErrorKind classify(SQLException exception);
}
