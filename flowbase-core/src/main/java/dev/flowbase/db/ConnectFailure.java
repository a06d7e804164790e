package dev.flowbase.db;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.config.Secret;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Why a connection could not be made, in words that say what to change: a URL parameter the driver
 * refused, a host name that does not resolve, nothing listening, something listening that is not
 * the server, no answer in time, or a refused login whose password went through URL decoding.
 */
final class ConnectFailure {
    private ConnectFailure() {}

    /**
     * The URL's driver parameter ({@code ?connectTimeout=abc}) that the driver named in its refusal,
     * as {@code name=value} (masked when it is a password); empty when the failure is not about one.
     */
    static Optional<String> badParameter(DatabaseConfig config, SQLException e) {
        if (reachedTheNetwork(e)) {
            return Optional.empty();
        }
        String text = messages(e);
        for (Map.Entry<String, String> option : config.options().entrySet()) {
            String key = option.getKey();
            String value = option.getValue();
            boolean named = Pattern.compile("\\b" + Pattern.quote(key) + "\\b")
                    .matcher(text)
                    .find();
            boolean quoted =
                    !value.isEmpty() && (text.contains("\"" + value + "\"") || text.contains("'" + value + "'"));
            if (named || quoted) {
                return Optional.of(
                        Secret.maskUrlCredentials("?" + key + "=" + value).substring(1));
            }
        }
        return Optional.empty();
    }

    /** What happened on the way to a server that could not be used (the kind is a lost connection). */
    static String unreachable(DatabaseConfig config, SQLException e) {
        String first = SqlErrors.firstLine(e);
        if (has(e, UnknownHostException.class)) {
            return "the host name '" + config.host() + "' could not be resolved (DNS): check the spelling"
                    + " and the name servers";
        }
        if (has(e, ConnectException.class)) {
            return "nothing accepted the connection at " + config.hostAndPort() + " (" + first + "):"
                    + " check that the server runs and the host and port";
        }
        if (has(e, SocketTimeoutException.class) || has(e, SQLTimeoutException.class) || first.contains(" within ")) {
            return "the server did not answer (" + first + ")";
        }
        return "something at " + config.hostAndPort() + " closed the connection before a "
                + config.engine().id()
                + " session was set up (" + first + "): check the host and port, and any proxy or firewall"
                + " in between";
    }

    /** A hint for a refused login whose password came from a URL, where %XX was decoded. */
    static String passwordHint(DatabaseConfig config) {
        return config.password().urlDecoded()
                ? "; the password came from a URL, where URL encoding applies (%41 reads as A): write a % in it"
                        + " as %25, or give the password in DB_PASSWORD"
                : "";
    }

    private static boolean reachedTheNetwork(Throwable e) {
        return has(e, ConnectException.class)
                || has(e, UnknownHostException.class)
                || has(e, SocketTimeoutException.class);
    }

    static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The messages of {@code e} and all its causes, a line each. */
    static String messages(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}
