package dev.flowbase.db;

import dev.flowbase.config.DatabaseConfig;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns driver exceptions into {@link DatabaseException}s whose messages are safe to show: the
 * engines' own texts can repeat row values ({@code Key (email)=(…)}, {@code Duplicate entry '…'}),
 * so constraint failures are described by constraint name only, and other texts by their first line.
 */
public final class SqlErrors {
    // Quoted names (PostgreSQL, MariaDB) or SQLite's "constraint failed: table.column".
    private static final Pattern CONSTRAINT_NAME = Pattern.compile(
            "(?:constraint|key|index|column) [\"'`]([^\"'`]+)[\"'`]|constraint failed: ([\\w.]+(?:, [\\w.]+)*)",
            Pattern.CASE_INSENSITIVE);

    private SqlErrors() {}

    /** A failure while connecting, naming host, port and database, never the password. */
    public static DatabaseException connecting(Dialect dialect, DatabaseConfig config, SQLException e) {
        SqlErrorKind kind = dialect.classify(e);
        String where = config.engine().isEmbedded()
                ? config.describeTarget()
                : config.engine().id() + " at " + config.hostAndPort() + " database " + config.database();
        Optional<String> tls = TlsFailure.describe(config, e);
        if (tls.isPresent()) {
            return build(SqlErrorKind.TLS_FAILED, "Cannot connect to " + where + ": " + tls.get(), e);
        }
        Optional<String> badParameter = switch (kind) {
            case AUTHENTICATION_FAILED, UNKNOWN_DATABASE, TLS_FAILED -> Optional.empty();
            default -> ConnectFailure.badParameter(config, e);
        };
        if (badParameter.isPresent()) {
            return build(
                    SqlErrorKind.BAD_PARAMETER,
                    "Cannot connect to " + where + ": the driver refused the URL's parameter " + badParameter.get()
                            + " (" + firstLine(e) + "): correct or remove it",
                    e);
        }
        String detail = switch (kind) {
            case AUTHENTICATION_FAILED ->
                "the server refused user '" + config.user() + "'" + ConnectFailure.passwordHint(config)
                        + TlsFailure.plainRefusedHint(config, e);
            case UNKNOWN_DATABASE -> "database '" + config.database() + "' does not exist";
            case TLS_FAILED -> "TLS was required (DB_SSL or sslmode) but the server does not offer it";
            case CONNECTION_LOST -> ConnectFailure.unreachable(config, e);
            default -> firstLine(e);
        };
        return build(kind, "Cannot connect to " + where + ": " + detail, e);
    }

    /** A failure of a statement; {@code action} says what Flowbase was doing. */
    public static DatabaseException statement(Dialect dialect, String action, SQLException e) {
        SqlErrorKind kind = dialect.classify(e);
        String detail = switch (kind) {
            case UNIQUE_VIOLATION, FOREIGN_KEY_VIOLATION, NOT_NULL_VIOLATION, CHECK_VIOLATION ->
                kind.description() + constraint(e) + ": " + withoutValues(firstLine(SqlStates.first(e)));
            default -> withoutValues(firstLine(e));
        };
        return build(kind, action + " failed: " + detail, e);
    }

    private static DatabaseException build(SqlErrorKind kind, String message, SQLException e) {
        SQLException first = SqlStates.first(e);
        // The cause is kept for stack traces in debug logs; its message is not repeated in ours.
        return new DatabaseException(kind, message, first.getSQLState(), first.getErrorCode(), e);
    }

    /**
     * The engine's first line with the parts that can hold row values taken out. Names of columns,
     * tables and constraints stay: they are what a user needs to find the cause. PostgreSQL puts
     * values only in later lines (Detail), which {@link #firstLine} already drops.
     */
    static String withoutValues(String line) {
        String text = CONNECTION_PREFIX.matcher(line).replaceFirst("");
        return DUPLICATE_ENTRY.matcher(text).replaceAll("Duplicate entry (value not shown) for key");
    }

    // MariaDB's driver prefixes its connection id; its duplicate-key text quotes the row's value.
    private static final Pattern CONNECTION_PREFIX = Pattern.compile("^\\(conn=\\d+\\)\\s*");
    private static final Pattern DUPLICATE_ENTRY = Pattern.compile("Duplicate entry '.*' for key", Pattern.DOTALL);

    private static String constraint(SQLException e) {
        // Only the first line: later lines (PostgreSQL's Detail) repeat the row's values.
        Matcher m = CONSTRAINT_NAME.matcher(firstLine(SqlStates.first(e)));
        return m.find() ? " (" + (m.group(1) != null ? m.group(1) : m.group(2)) + ")" : "";
    }

    /** The first line of a driver's message with row values taken out: safe to show. */
    public static String firstLineOf(Throwable e) {
        return withoutValues(firstLine(e));
    }

    static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String text = String.valueOf(t.getMessage()).strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }
}
