package dev.flowbase.db;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The connections of a command that runs once and ends ({@code flowbase status}, {@code migrate}):
 * the first connection, already open and checked, is kept and handed out again each time it is
 * given back, instead of a pool that starts threads and opens more connections in the background.
 * Should a second one be asked for while the first is out (a migration lock held on its own
 * session), it is opened with the same driver settings and closed when given back.
 */
final class OneShotConnections implements DataSource, Connections {
    /** A connection kept longer than this is asked whether it still works before it is lent again. */
    private static final long CHECK_AFTER_NANOS = 1_000_000_000L;

    private static final int CHECK_SECONDS = 5;

    private final ConnectionFactory factory;
    private final int max;
    private final LongSupplier nanoTime;
    private Connection kept;
    private long keptSince;
    private int active;

    /** Opens a new connection with the driver, as the first one was opened. */
    interface ConnectionFactory {
        Connection open() throws SQLException;
    }

    /** {@code max}: the pool size the configuration names, reported as the limit ({@link PoolStats}). */
    OneShotConnections(Connection first, ConnectionFactory factory, int max) {
        this(first, factory, max, System::nanoTime);
    }

    /** With the clock that tells how long a connection was kept (tests move it). */
    OneShotConnections(Connection first, ConnectionFactory factory, int max, LongSupplier nanoTime) {
        this.kept = first;
        this.factory = factory;
        this.max = max;
        this.nanoTime = nanoTime;
        this.keptSince = nanoTime.getAsLong();
    }

    @Override
    public synchronized Connection getConnection() throws SQLException {
        // As a pool does: a connection that waited a while (status --watch between rounds) may have
        // been dropped by the server; it is replaced rather than failing every round after.
        if (kept != null && nanoTime.getAsLong() - keptSince > CHECK_AFTER_NANOS && !kept.isValid(CHECK_SECONDS)) {
            FirstConnection.closeQuietly(kept);
            kept = null;
        }
        Connection real = kept != null ? kept : factory.open();
        kept = null;
        active++;
        return lent(real);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the connection's credentials are the configuration's");
    }

    @Override
    public DataSource source() {
        return this;
    }

    @Override
    public synchronized PoolStats stats() {
        return new PoolStats(active, kept == null ? 0 : 1, 0, max);
    }

    @Override
    public synchronized void close() {
        if (kept != null) {
            FirstConnection.closeQuietly(kept);
            kept = null;
        }
    }

    /** The connection as its user sees it: closing it gives it back, once. */
    private Connection lent(Connection real) {
        boolean[] returned = {false};
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "one-shot " + real;
                        };
                    }
                    switch (method.getName()) {
                        case "close" -> {
                            if (!returned[0]) {
                                returned[0] = true;
                                giveBack(real);
                            }
                            return null;
                        }
                        case "isClosed" -> {
                            return returned[0] || real.isClosed();
                        }
                        default -> {
                            if (returned[0]) {
                                throw new SQLException("connection has been closed", "08003");
                            }
                            try {
                                return method.invoke(real, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }
                    }
                });
    }

    /** Kept for the next ask when it is the only one and still sound, in the state a new one has. */
    private synchronized void giveBack(Connection real) throws SQLException {
        active--;
        if (kept != null || real.isClosed()) {
            real.close();
            return;
        }
        try {
            if (!real.getAutoCommit()) {
                real.rollback(); // what was neither committed nor rolled back is not carried over
                real.setAutoCommit(true);
            }
            if (real.isReadOnly()) {
                real.setReadOnly(false);
            }
            kept = real;
            keptSince = nanoTime.getAsLong();
        } catch (SQLException e) {
            FirstConnection.closeQuietly(real);
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
