package dev.flowbase.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Counts what a tool asks the database to do through JDBC: every {@code execute*} call on a
 * statement (one statement, or one batch, sent to the engine) and every {@code commit} and
 * {@code rollback}. It sits in front of the real drivers in {@link DriverManager}, so a tool that
 * builds its own pool from a URL (Flowbase's Hikari) is counted without knowing it.
 */
final class StatementCounter {
    private final AtomicLong executes = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final List<Driver> originals = new ArrayList<>();
    private final List<Driver> wrappers = new ArrayList<>();

    /** Replaces every registered driver with a counting one, until {@link #uninstall()}. */
    void install() throws SQLException {
        for (Driver d : Collections.list(DriverManager.getDrivers())) {
            Driver wrapper = new CountingDriver(d);
            DriverManager.deregisterDriver(d);
            DriverManager.registerDriver(wrapper);
            originals.add(d);
            wrappers.add(wrapper);
        }
    }

    void uninstall() throws SQLException {
        for (Driver w : wrappers) {
            DriverManager.deregisterDriver(w);
        }
        for (Driver d : originals) {
            DriverManager.registerDriver(d);
        }
        wrappers.clear();
        originals.clear();
    }

    void reset() {
        executes.set(0);
        commits.set(0);
    }

    long executes() {
        return executes.get();
    }

    /** Commits and rollbacks: each is a statement the engine sees, though JDBC sends it without {@code execute}. */
    long commits() {
        return commits.get();
    }

    Connection wrap(Connection c) {
        return proxy(Connection.class, c, (p, m, args) -> {
            String name = m.getName();
            if (name.equals("commit") || name.equals("rollback")) {
                commits.incrementAndGet();
            }
            Object result = invoke(c, m, args);
            if (result instanceof Statement s && (name.equals("createStatement") || name.startsWith("prepare"))) {
                return wrapStatement(s, m.getReturnType());
            }
            return result;
        });
    }

    private Object wrapStatement(Statement s, Class<?> type) {
        return proxy(type, s, (p, m, args) -> {
            if (m.getName().startsWith("execute")) {
                executes.incrementAndGet();
            }
            return invoke(s, m, args);
        });
    }

    private static <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
        return type.cast(
                Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private final class CountingDriver implements Driver {
        private final Driver delegate;

        CountingDriver(Driver delegate) {
            this.delegate = delegate;
        }

        @Override
        public Connection connect(String url, Properties info) throws SQLException {
            Connection c = delegate.connect(url, info);
            return c == null ? null : wrap(c);
        }

        @Override
        public boolean acceptsURL(String url) throws SQLException {
            return delegate.acceptsURL(url);
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
            return delegate.getPropertyInfo(url, info);
        }

        @Override
        public int getMajorVersion() {
            return delegate.getMajorVersion();
        }

        @Override
        public int getMinorVersion() {
            return delegate.getMinorVersion();
        }

        @Override
        public boolean jdbcCompliant() {
            return delegate.jdbcCompliant();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return delegate.getParentLogger();
        }
    }
}
