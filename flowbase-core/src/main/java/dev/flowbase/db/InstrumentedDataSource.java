package dev.flowbase.db;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * Wraps the pool when statements need a time limit the driver cannot be told once per session:
 * SQLite's driver only applies its query timeout to lock waits, so a runaway query is interrupted
 * with {@link Statement#cancel()}. (Timing and {@code DB_DEBUG} are {@link QueryTimings}'.)
 */
final class InstrumentedDataSource implements DataSource {
    private static final org.slf4j.Logger SQL_LOG = LoggerFactory.getLogger("dev.flowbase.sql");
    private static final ScheduledExecutorService CANCELLER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "flowbase-statement-timeout");
        t.setDaemon(true);
        return t;
    });

    private final DataSource delegate;
    private final Duration timeLimit;

    /** {@code timeLimit} zero means statements run without a limit. */
    InstrumentedDataSource(DataSource delegate, Duration timeLimit) {
        this.delegate = delegate;
        this.timeLimit = timeLimit;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(delegate.getConnection(username, password));
    }

    private Connection wrap(Connection connection) {
        // The connection's own default for its statements; lifted for a migration (StatementLimit.ClientSide).
        Duration[] limitOfConnection = {timeLimit};
        StatementLimit.ClientSide control = () -> {
            limitOfConnection[0] = Duration.ZERO;
            return () -> limitOfConnection[0] = timeLimit;
        };
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == StatementLimit.ClientSide.class) {
                return control.lift();
            }
            Object result = invoke(connection, method, args);
            if (result instanceof Statement statement) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                return wrapStatement(statement, sql, limitOfConnection[0]);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(
                StatementLimit.ClientSide.class.getClassLoader(), // sees both; the JDK's loader sees only JDBC
                new Class<?>[] {Connection.class, StatementLimit.ClientSide.class},
                handler);
    }

    private Statement wrapStatement(Statement statement, String preparedSql, Duration connectionLimit) {
        Class<? extends Statement> type = statement instanceof CallableStatement
                ? CallableStatement.class
                : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        // The pool's limit applies unless the caller sets the statement's own (0 = none), as JDBC intends.
        Duration[] limitOfThis = {connectionLimit};
        return proxy(type, statement, (proxy, method, args) -> {
            if (method.getName().equals("setQueryTimeout")) {
                limitOfThis[0] = Duration.ofSeconds((Integer) args[0]);
                return invoke(statement, method, args);
            }
            if (!method.getName().startsWith("execute")) {
                return invoke(statement, method, args);
            }
            Duration limit = limitOfThis[0];
            ScheduledFuture<?> cancel = limit.isZero()
                    ? null
                    : CANCELLER.schedule(() -> cancel(statement), limit.toMillis(), TimeUnit.MILLISECONDS);
            try {
                return invoke(statement, method, args);
            } finally {
                if (cancel != null) {
                    cancel.cancel(false);
                }
            }
        });
    }

    private static void cancel(Statement statement) {
        try {
            statement.cancel();
        } catch (SQLException e) {
            SQL_LOG.debug("Could not cancel a statement past its time limit", e);
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate.isWrapperFor(iface);
    }
}
