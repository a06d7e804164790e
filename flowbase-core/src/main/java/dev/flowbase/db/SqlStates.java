package dev.flowbase.db;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Locale;
import java.util.Optional;

/** Walks a driver exception's causes for what every engine shares: SQLSTATE classes and socket failures. */
public final class SqlStates {
    private SqlStates() {}

    /** The first SQL exception in the chain that carries a SQLSTATE or a vendor code. */
    public static SQLException first(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && (s.getSQLState() != null || s.getErrorCode() != 0)) {
                return s;
            }
        }
        return e;
    }

    /** Classification that holds on every engine, used after the dialect's own codes. */
    public static Optional<SqlErrorKind> common(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException) {
                return Optional.of(SqlErrorKind.CONNECTION_LOST);
            }
            if (t instanceof SQLTimeoutException) {
                return Optional.of(SqlErrorKind.TIMEOUT);
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                if (state.startsWith("08")) {
                    return Optional.of(SqlErrorKind.CONNECTION_LOST);
                }
                if (state.startsWith("28")) {
                    return Optional.of(SqlErrorKind.AUTHENTICATION_FAILED);
                }
                if (state.equals("40001")) {
                    return Optional.of(SqlErrorKind.DEADLOCK);
                }
            }
        }
        return Optional.empty();
    }

    public static boolean mentions(Throwable e, String word) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null
                    && t.getMessage().toLowerCase(Locale.ROOT).contains(word)) {
                return true;
            }
        }
        return false;
    }

    public static String quote(String identifier, char quote) {
        if (identifier == null || identifier.isEmpty() || identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("identifier must be non-empty and without NUL characters");
        }
        String q = String.valueOf(quote);
        return q + identifier.replace(q, q + q) + q;
    }
}
