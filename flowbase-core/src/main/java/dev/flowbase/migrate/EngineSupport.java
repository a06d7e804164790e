package dev.flowbase.migrate;

import dev.flowbase.engine.Engine;
import dev.flowbase.engine.EngineKit;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.migrate.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the migration engine does differently on each engine: the history table's column types,
 * the lock, and how one script's transaction is opened. One class per engine implements it.
 */
public interface EngineSupport {

    static EngineSupport forEngine(Engine engine) {
        return EngineKit.of(engine).part(EngineSupport.class);
    }

    /** The column type of {@code installed_at}, matching how the dialect binds instants. */
    String timestampType();

    /** Text after {@code CREATE TABLE …(…)}. */
    default String tableOptions() {
        return "";
    }

    /** A query with one parameter, the unquoted table name, that returns a row when the table exists. */
    String tableExistsSql();

    /** As {@link #tableExistsSql()} with two parameters, the schema and the table, both unquoted. */
    String tableInSchemaExistsSql();

    /**
     * Takes the migration lock for {@code table} on {@code connection}, waiting at most {@code timeout},
     * and readies the session for long statements. The lock belongs to the connection's session, so a
     * runner that dies releases it with its connection.
     *
     * @throws FlowbaseException with {@link ErrorCode#LOCK_TIMEOUT} naming the holder where the engine says
     */
    MigrationLock lock(Connection connection, String table, Duration timeout) throws SQLException;

    /**
     * Who holds the migration lock of {@code table} now, without taking it; empty when nobody does
     * or the engine cannot tell. Lets status show a run in progress as running, not failed.
     */
    default Optional<String> lockHolder(Connection c, String table) throws SQLException {
        return Optional.empty();
    }

    /**
     * Runs a statement that carries inline data ({@link SqlStatement#copyData()}). Only PostgreSQL's
     * splitter produces one, for psql's COPY … FROM stdin.
     */
    default void copyIn(Connection c, SqlStatement statement) throws SQLException {
        throw new IllegalStateException("inline COPY data on an engine without COPY: " + statement.line());
    }

    /**
     * Every object {@code migrate clean} drops: all tables, views, sequences, routines and types of
     * the database (PostgreSQL: of the current schema), those that others depend on last.
     */
    List<DbObject> objects(Connection c) throws SQLException;

    /** The statement that drops {@code o}, taking what depends on it along where the engine can. */
    String dropSql(DbObject o);

    /** Runs {@code drops} with foreign keys unchecked where dropping a referenced table would fail. */
    default void withoutForeignKeyChecks(Connection c, SqlWork drops) throws SQLException {
        drops.run();
    }

    /** Opens the transaction of one script (or of one piece of bookkeeping). */
    default void begin(Connection c) throws SQLException {
        c.setAutoCommit(false);
    }

    default void commit(Connection c) throws SQLException {
        c.commit();
        c.setAutoCommit(true);
    }

    default void rollback(Connection c) throws SQLException {
        c.rollback();
        c.setAutoCommit(true);
    }

    /**
     * Makes what the run did so far durable between two scripts. Where each script commits by
     * itself this does nothing; where the lock is the run's own transaction (SQLite) it commits and
     * takes the lock again.
     *
     * @return whether another connection may have changed the database meanwhile, so that the
     *     caller reads the history again before going on
     */
    default boolean checkpoint(Connection c, Duration lockTimeout) throws SQLException {
        return false;
    }

    /** Runs {@code work} in autocommit mode, for scripts marked {@code -- flowbase:no-transaction}. */
    default void outsideTransaction(Connection c, SqlWork work) throws SQLException {
        work.run();
    }

    /**
     * Whether {@code statement} may run in one transaction with its progress record. Data changes
     * may on every engine; DDL commits by itself on MariaDB, and a script is marked no-transaction
     * precisely for statements that refuse a transaction (CREATE INDEX CONCURRENTLY, VACUUM).
     */
    default boolean joinsTransaction(SqlStatement statement) {
        return DML.contains(statement.firstKeyword());
    }

    Set<String> DML = Set.of("INSERT", "UPDATE", "DELETE", "REPLACE", "MERGE", "COPY");

    /** A lock held until closed. */
    interface MigrationLock {
        void release() throws SQLException;
    }

    @FunctionalInterface
    interface SqlWork {
        void run() throws SQLException;
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static FlowbaseException lockTimeout(String table, Duration timeout, String holder) {
        return new FlowbaseException(
                ErrorCode.LOCK_TIMEOUT,
                "Another migration runner held the lock on " + table + " for more than " + timeout.toSeconds() + " s ("
                        + holder + "): wait for it to finish, or raise --lock-timeout");
    }

    /** A stable lock name per history table, so that separate sets migrate independently. */
    static String lockName(String table) {
        return "flowbase_migrate:" + table;
    }
}
