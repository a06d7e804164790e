package dev.flowbase.db;

import com.zaxxer.hikari.HikariDataSource;
import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.engine.Engine;
import dev.flowbase.engine.EngineKit;
import dev.flowbase.resilience.Breaker;
import dev.flowbase.resilience.Health;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.InstantSource;
import javax.sql.DataSource;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * A pooled connection to one database and the dialect that speaks to it: the object every other
 * part of Flowbase is given. Open it once, share it, close it on shutdown.
 */
public final class Database implements AutoCloseable {
    /** The direct pool's size: LISTEN, the three duties' leads (each held while it leads), a migration. */
    private static final int DIRECT_SESSIONS = 5;

    private final DatabaseConfig config;
    private final Dialect dialect;
    private final Connections connections;
    private final DataSource dataSource;
    private final ServerFacts facts;
    private final Jdbi jdbi;
    /** Every statement's timing by name, and the slow-query log ({@code database.slow_query_ms}). */
    private final QueryTimings timings;

    private final Transactions transactions;
    private final RecordRows records = new RecordRows();

    /** Refuses calls at once while most recent ones could not reach the server (docs/resilience.md). */
    private final Breaker breaker;
    /** Sessions that outlive a transaction (LISTEN, advisory locks) when the pool goes through pgbouncer; else null. */
    private final HikariDataSource direct;

    private Database(
            DatabaseConfig config,
            Dialect dialect,
            Connections connections,
            ServerFacts facts,
            RetryPolicy retry,
            InstantSource clock) {
        this.config = config;
        this.dialect = dialect;
        this.connections = connections;
        DataSource pool = connections.source();
        this.facts = facts;
        this.dataSource =
                dialect.needsPerStatementTimeout() ? new InstrumentedDataSource(pool, config.statementTimeout()) : pool;
        this.jdbi = Jdbi.create(dataSource);
        this.timings = new QueryTimings(config.slowQuery(), config.debug());
        jdbi.getConfig(SqlStatements.class).setSqlLogger(timings);
        Columns.register(jdbi, dialect, records);
        this.direct = config.direct()
                .map(d -> new HikariDataSource(
                        PoolConfigs.of(d.withPool(d.pool().withMaxSize(DIRECT_SESSIONS)), dialect)))
                .orElse(null);
        this.breaker = new Breaker("database", config.breaker(), clock, this::isOutage);
        this.transactions = new Transactions(jdbi, dialect, config, retry, breaker);
    }

    /**
     * Opens the pool and checks the server: reachable, the engine the URL named, new enough.
     *
     * @throws DatabaseException naming host, port and database when the server cannot be used
     */
    public static Database open(DatabaseConfig config) {
        return open(config, RetryPolicy.DEFAULT);
    }

    /** As {@link #open(DatabaseConfig)}, with its own policy for transactions that lost a deadlock. */
    public static Database open(DatabaseConfig config, RetryPolicy retry) {
        return open(config, retry, InstantSource.system());
    }

    /** As {@link #open(DatabaseConfig, RetryPolicy)}, the circuit breaker's open wait timed by {@code clock}. */
    public static Database open(DatabaseConfig config, RetryPolicy retry, InstantSource clock) {
        return open(config, retry, clock, false);
    }

    /**
     * As {@link #open(DatabaseConfig)}, for a command that runs once and ends: no pool, its threads
     * and its background connections, but the first connection kept and reused, and another
     * opened only while that one is in use ({@link OneShotConnections}). {@link #poolStats()}
     * then counts these.
     */
    public static Database openForOneCommand(DatabaseConfig config) {
        return open(config, RetryPolicy.DEFAULT, InstantSource.system(), true);
    }

    private static Database open(DatabaseConfig config, RetryPolicy retry, InstantSource clock, boolean oneCommand) {
        Dialect dialect = Dialects.forEngine(config.engine());
        dialect.prepareStorage(config);
        ServerFacts facts;
        Connection c = null;
        try {
            c = FirstConnection.open(config, dialect);
            facts = FirstConnection.check(c, config, dialect);
            if (!oneCommand) {
                c.close();
            }
        } catch (SQLException e) {
            FirstConnection.closeQuietly(c);
            throw SqlErrors.connecting(dialect, config, e);
        } catch (RuntimeException e) {
            FirstConnection.closeQuietly(c);
            throw e;
        }
        Connections connections = oneCommand
                ? new OneShotConnections(
                        c,
                        () -> FirstConnection.open(config, dialect),
                        config.pool().maxSize())
                : new Connections.Pooled(
                        new HikariDataSource(PoolConfigs.of(config, dialect)),
                        config.pool().maxSize());
        return new Database(config, dialect, connections, facts, retry, clock);
    }

    public DatabaseConfig config() {
        return config;
    }

    public Dialect dialect() {
        return dialect;
    }

    public Engine engine() {
        return dialect.engine();
    }

    /** What the server said about itself when the pool opened. */
    public ServerFacts facts() {
        return facts;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** For sessions that outlive a transaction (LISTEN, session locks): DB_DIRECT_URL's pool, else the pool. */
    public DataSource directDataSource() {
        return direct != null ? direct : dataSource;
    }

    /** A connection from the pool, through the circuit breaker: refused at once while it is open. */
    public Connection connection() {
        return connection(dataSource);
    }

    /** As {@link #connection()} from {@link #directDataSource()}: a session a migration's lock may live on. */
    public Connection sessionConnection() {
        return connection(directDataSource());
    }

    private Connection connection(DataSource from) {
        return breaker.call(() -> {
            try {
                return from.getConnection();
            } catch (SQLException e) {
                DatabaseException failure = SqlErrors.connecting(dialect, config, e);
                transactions.errors().count(failure.kind());
                throw failure;
            }
        });
    }

    /** The circuit breaker around this database's calls: its state, and whether it lets calls through. */
    public Breaker breaker() {
        return breaker;
    }

    /** What loops that would spin while the database is away ask before they call (a worker's claims). */
    public Health health() {
        return breaker;
    }

    /**
     * Whether a failure counts against the server: it could not be reached, or the pool, with room
     * for more connections, could not open one in time (a server that accepts and never answers).
     * A pool exhausted by busy work is not an outage.
     */
    private boolean isOutage(Throwable failure) {
        if (!(failure instanceof DatabaseException d)) {
            return false;
        }
        if (d.kind().isOutage()) {
            return true;
        }
        for (Throwable t = d.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return connections.stats().active() < config.pool().maxSize();
            }
        }
        return false;
    }

    /**
     * Runs {@code work} in a transaction: committed when it returns, rolled back when it throws, run
     * again (up to the retry policy) when the engine gave it up as a deadlock. Called inside other
     * work on the same thread, it joins that transaction instead.
     *
     * @param action what Flowbase is doing, for the message of a failure
     * @throws DatabaseException classified, naming {@code action}, without SQL or values
     */
    public <T> T inTransaction(String action, HandleCallback<T, RuntimeException> work) {
        return transactions.inTransaction(action, work);
    }

    /** Runs {@code work} on one handle, each statement committing by itself (or joining the caller's work). */
    public <T> T withHandle(String action, HandleCallback<T, RuntimeException> work) {
        return transactions.withHandle(action, work);
    }

    /**
     * Maps rows to the record {@code type} by column name. Passing it to {@code .map(…)} skips Jdbi's
     * per-handle lookup of a row mapper, which costs more than a short query (bench/data).
     */
    public <T> RowMapper<T> rows(Class<T> type) {
        return records.of(type);
    }

    /** The Jdbi that the pool and this dialect's column mappings are set up on, for the data layer. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Runs statements that return nothing (DDL, administration) on one connection, in order.
     *
     * @param action what Flowbase is doing, for the message of a failure
     * @throws DatabaseException classified, naming {@code action}
     */
    public void execute(String action, String... statements) {
        try (Connection c = connection();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw SqlErrors.statement(dialect, action, e);
        }
    }

    /** Whether the database's storage has vanished from under the pool (a deleted SQLite file). */
    public boolean storageMissing() {
        return dialect.storageMissing(config);
    }

    /** Figures from the engine's own catalogs: table and index sizes, upkeep, cache, sessions. */
    public DatabaseStatistics statistics() {
        try (Connection c = connection()) {
            return EngineKit.of(engine()).part(StatisticsQueries.class).read(c);
        } catch (SQLException e) {
            throw SqlErrors.statement(dialect, "Reading the database's statistics", e);
        }
    }

    /** Refreshes the engine's estimates of {@code table} (ANALYZE), the name quoted by the engine's rules. */
    public void analyze(String table) {
        try (Connection c = connection()) {
            EngineKit.of(engine()).part(StatisticsQueries.class).analyze(c, dialect.quoteIdentifier(table));
        } catch (SQLException e) {
            throw SqlErrors.statement(dialect, "Analyzing table " + table, e);
        }
    }

    /** The failures of statements and connections so far, by kind. */
    public ErrorCounts errorCounts() {
        return transactions.errors();
    }

    /** How long the statements run so far took, by statement name. */
    public QueryTimings queryTimings() {
        return timings;
    }

    public PoolStats poolStats() {
        return connections.stats();
    }

    @Override
    public void close() {
        if (direct != null) {
            direct.close();
        }
        connections.close();
    }
}
