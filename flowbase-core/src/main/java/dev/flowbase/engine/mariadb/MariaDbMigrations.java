package dev.flowbase.engine.mariadb;

import dev.flowbase.migrate.EngineSupport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MariaDB: a named lock ({@code GET_LOCK}) with a finite wait. Named locks are server-wide, so the
 * name includes the database; the server releases it when the session ends.
 */
final class MariaDbMigrations implements EngineSupport {
    private static final Logger LOG = LoggerFactory.getLogger(MariaDbMigrations.class);
    /** MariaDB truncates or refuses longer lock names. */
    private static final int MAX_LOCK_NAME = 64;

    @Override
    public String timestampType() {
        return "DATETIME(6)";
    }

    @Override
    public String tableOptions() {
        return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";
    }

    @Override
    public String tableExistsSql() {
        return "SELECT 1 FROM information_schema.tables WHERE table_schema = database() AND table_name = ?";
    }

    @Override
    public MigrationLock lock(Connection c, String table, Duration timeout) throws SQLException {
        String name = lockName(c, table);
        if (!getLock(c, name, Duration.ZERO)) {
            String holder = holder(c, name);
            LOG.info("Waiting up to {} s for the migration lock on {} ({})", timeout.toSeconds(), table, holder);
            if (timeout.isZero() || !getLock(c, name, timeout)) {
                throw EngineSupport.lockTimeout(table, timeout, holder(c, name));
            }
        }
        return () -> {
            try (PreparedStatement s = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                s.setString(1, name);
                s.execute();
            }
        };
    }

    @Override
    public java.util.Optional<String> lockHolder(Connection c, String table) throws SQLException {
        String holder = holder(c, lockName(c, table));
        return holder.equals(GONE) ? java.util.Optional.empty() : java.util.Optional.of(holder);
    }

    private static final String GONE = "holder already gone";

    private static boolean getLock(Connection c, String name, Duration wait) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            s.setString(1, name);
            s.setDouble(2, wait.toMillis() / 1000.0);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    /** IS_USED_LOCK gives the holder's connection id; the process list says who and from where. */
    private static String holder(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT p.id, p.user, p.host FROM information_schema.processlist p WHERE p.id = IS_USED_LOCK(?)")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? "held by connection " + rs.getLong(1) + ", user " + rs.getString(2) + " from "
                                + rs.getString(3)
                        : GONE;
            }
        }
    }

    private static String lockName(Connection c, String table) throws SQLException {
        String name = EngineSupport.lockName(scalar(c, "SELECT database()") + "." + table);
        return name.length() <= MAX_LOCK_NAME
                ? name
                : "flowbase_migrate:"
                        + dev.flowbase.util.Sha256.hex(name).substring(0, 40).toLowerCase(Locale.ROOT);
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
