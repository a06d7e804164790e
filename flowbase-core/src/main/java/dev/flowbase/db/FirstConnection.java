package dev.flowbase.db;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.engine.Engine;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.util.OwnThread;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The first connection to a server, made with the driver directly before any pool exists. It
 * fails at once when the server refuses (a pool's fail-fast check would sleep a second first), and
 * it ends within the connection timeout whatever the server does: a listener that accepts and
 * never answers, a TLS handshake that stalls or a login that hangs. Drivers bound only some of
 * those phases, so the whole attempt runs on its own thread and is abandoned at the limit.
 */
final class FirstConnection {
    private FirstConnection() {}

    static Connection open(DatabaseConfig config, Dialect dialect) throws SQLException {
        String url = dialect.jdbcUrl(config);
        Properties properties = new Properties();
        dialect.driverProperties(config).forEach(properties::setProperty);
        if (!config.engine().isEmbedded()) {
            properties.setProperty("user", config.user());
            properties.setProperty("password", config.password().value());
        }
        Driver driver = DriverManager.getDriver(url);
        Duration limit = config.pool().connectionTimeout();
        CompletableFuture<Connection> attempt =
                OwnThread.start("flowbase-connect", () -> driver.connect(url, properties));
        try {
            return attempt.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // A connection that arrives after all is closed, not leaked.
            attempt.thenAccept(FirstConnection::closeQuietly);
            throw noAnswer(limit, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            attempt.thenAccept(FirstConnection::closeQuietly);
            throw new SQLException("interrupted while connecting", "08001", e);
        } catch (ExecutionException e) {
            // The driver's own timer may fire before ours (MariaDB's connectTimeout is the same
            // limit): the same failure, so the same report, whichever clock was first.
            if (e.getCause() instanceof SQLTimeoutException || e.getCause() instanceof SocketTimeoutException) {
                throw noAnswer(limit, e.getCause());
            }
            if (e.getCause() instanceof SQLException s) {
                throw s;
            }
            throw new SQLException(SqlErrors.firstLine(e.getCause()), "08001", e.getCause());
        }
    }

    private static SQLException noAnswer(Duration limit, Throwable cause) {
        return new SQLException(
                "no complete answer within " + limit.toMillis() + " ms (DB_CONNECTION_TIMEOUT)", "08001", cause);
    }

    /**
     * Checks what answered on {@code c}: the engine the URL named, new enough; returns what it said
     * about itself.
     */
    static ServerFacts check(Connection c, DatabaseConfig config, Dialect dialect) throws SQLException {
        Engine actual = Dialects.detect(c.getMetaData());
        if (actual != config.engine()) {
            throw new FlowbaseException(
                    ErrorCode.UNSUPPORTED_SERVER,
                    config.describeTarget() + " answered as " + actual.id() + ", not "
                            + config.engine().id());
        }
        ServerFacts facts = dialect.serverFacts(c);
        ServerVersion.require(dialect, facts, config);
        return facts;
    }

    /** Closes {@code c} (if any) when a failure that matters more is being reported, or nothing is left to do on it. */
    static void closeQuietly(Connection c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (SQLException ignored) {
            // the caller is done with it either way
        }
    }
}
