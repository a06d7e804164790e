package dev.flowbase.seed;

import dev.flowbase.config.Environments;
import dev.flowbase.db.Database;
import dev.flowbase.db.Dialect;
import dev.flowbase.db.SqlErrors;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * The environment a database was initialised for, kept in the database itself (an installation-wide
 * row of {@code configurations}), so that production is a property of the data and not of whichever
 * shell a command happens to run in. Once production, always production: a later init for another
 * environment does not lower it.
 */
public final class InstalledEnvironment {
    static final String KEY = "flowbase.environment";

    private InstalledEnvironment() {}

    /** The recorded environment; empty for a database that was never initialised. */
    public static Optional<String> read(Database db) {
        try (Connection c = db.connection()) {
            return read(c, db.dialect());
        } catch (SQLException e) {
            throw SqlErrors.statement(db.dialect(), "Reading the environment recorded in the database", e);
        }
    }

    static Optional<String> read(Connection c, Dialect dialect) throws SQLException {
        try (ResultSet t = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "configurations", null)) {
            if (!t.next()) {
                return Optional.empty();
            }
        }
        try (PreparedStatement ps =
                c.prepareStatement("SELECT value FROM configurations WHERE organization_id IS NULL AND "
                        + dialect.quoteIdentifier("key") + " = ?")) {
            ps.setString(1, KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Records {@code environment} unless the database already says so, or already says production. */
    static void record(Connection c, Dialect dialect, String environment) throws SQLException {
        Optional<String> now = read(c, dialect);
        String key = dialect.quoteIdentifier("key");
        if (now.isEmpty()) {
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO configurations (id, " + key + ", value, description)"
                            + " VALUES (?, ?, ?, 'The environment this database was initialised for')")) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, KEY);
                ps.setString(3, environment);
                ps.executeUpdate();
            }
        } else if (!now.get().equals(environment) && environment.equals(Environments.PRODUCTION)) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE configurations SET value = ? WHERE organization_id IS NULL AND " + key + " = ?")) {
                ps.setString(1, environment);
                ps.setString(2, KEY);
                ps.executeUpdate();
            }
        }
    }

    /** Refuses {@code action} when either the local setting or the database says production. */
    public static void refuseInProduction(Database db, String configured, String action) {
        boolean database = productionDatabase(db);
        if (database || Environments.PRODUCTION.equals(configured)) {
            throw new FlowbaseException(
                    ErrorCode.REFUSED,
                    action + " is refused in production ("
                            + (database
                                    ? "the database was initialised for production"
                                    : "the configured environment is production")
                            + ")");
        }
    }

    /** Whether either the local setting or the database says production. */
    public static boolean isProduction(Database db, String configured) {
        return Environments.PRODUCTION.equals(configured) || productionDatabase(db);
    }

    /** Whether the database was initialised for production. */
    static boolean productionDatabase(Connection c, Dialect dialect) throws SQLException {
        return read(c, dialect).map(Environments.PRODUCTION::equals).orElse(false);
    }

    private static boolean productionDatabase(Database db) {
        return read(db).map(Environments.PRODUCTION::equals).orElse(false);
    }
}
