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
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * Wraps the pool when statements need something the driver cannot be told once: a per-statement
 * timeout (SQLite) or {@code DB_DEBUG} timing. The log line has the SQL text and its duration;
 * bound values are never read, so they can never be logged.
 */
final class InstrumentedDataSource implements DataSource {
    private static final org.slf4j.Logger SQL_LOG = LoggerFactory.getLogger("dev.flowbase.sql");

    private final DataSource delegate;
    private final boolean debug;
    private final int queryTimeoutSeconds;

    InstrumentedDataSource(DataSource delegate, boolean debug, int queryTimeoutSeconds) {
        this.delegate = delegate;
        this.debug = debug;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
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
        return proxy(Connection.class, connection, (proxy, method, args) -> {
            Object result = invoke(connection, method, args);
            if (result instanceof Statement statement) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                if (queryTimeoutSeconds > 0) {
                    statement.setQueryTimeout(queryTimeoutSeconds);
                }
                return debug ? wrapStatement(statement, sql) : statement;
            }
            return result;
        });
    }

    private Statement wrapStatement(Statement statement, String preparedSql) {
        Class<? extends Statement> type = statement instanceof CallableStatement
                ? CallableStatement.class
                : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        return proxy(type, statement, (proxy, method, args) -> {
            if (!method.getName().startsWith("execute")) {
                return invoke(statement, method, args);
            }
            String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql;
            long start = System.nanoTime();
            try {
                return invoke(statement, method, args);
            } finally {
                SQL_LOG.info("{} ms {}", String.format("%.2f", (System.nanoTime() - start) / 1e6), oneLine(sql));
            }
        });
    }

    private static String oneLine(String sql) {
        return sql == null ? "(batch)" : sql.strip().replaceAll("\\s+", " ");
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
