package dev.flowbase.engines.mariadb;

import dev.flowbase.migrate.DbObject;
import dev.flowbase.migrate.EngineSupport;
import dev.flowbase.util.Sha256;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
    public String tableInSchemaExistsSql() {
        return "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?";
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
    public Optional<String> lockHolder(Connection c, String table) throws SQLException {
        String holder = holder(c, lockName(c, table));
        return holder.equals(GONE) ? Optional.empty() : Optional.of(holder);
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
                : "flowbase_migrate:" + Sha256.hex(name).substring(0, 40).toLowerCase(Locale.ROOT);
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public List<DbObject> objects(Connection c) throws SQLException {
        // One query per kind: a UNION of information_schema columns can mix collations.
        String[][] queries = {
            {"VIEW", "SELECT table_name FROM information_schema.views WHERE table_schema = DATABASE()"},
            {
                "TABLE",
                "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                        + " AND table_type IN ('BASE TABLE', 'SYSTEM VERSIONED')"
            },
            {
                "SEQUENCE",
                "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                        + " AND table_type = 'SEQUENCE'"
            },
            {
                "PROCEDURE",
                "SELECT routine_name FROM information_schema.routines WHERE routine_schema = DATABASE()"
                        + " AND routine_type = 'PROCEDURE'"
            },
            {
                "FUNCTION",
                "SELECT routine_name FROM information_schema.routines WHERE routine_schema = DATABASE()"
                        + " AND routine_type = 'FUNCTION'"
            },
            {"EVENT", "SELECT event_name FROM information_schema.events WHERE event_schema = DATABASE()"}
        };
        List<DbObject> found = new ArrayList<>();
        for (String[] q : queries) {
            try (PreparedStatement s = c.prepareStatement(q[1] + " ORDER BY 1");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new DbObject(q[0], rs.getString(1)));
                }
            }
        }
        return found;
    }

    @Override
    public String dropSql(DbObject o) {
        return "DROP " + o.kind() + " IF EXISTS `" + o.name().replace("`", "``") + "`";
    }

    @Override
    public void withoutForeignKeyChecks(Connection c, EngineSupport.SqlWork drops) throws SQLException {
        EngineSupport.execute(c, "SET FOREIGN_KEY_CHECKS = 0");
        try {
            drops.run();
        } finally {
            EngineSupport.execute(c, "SET FOREIGN_KEY_CHECKS = 1");
        }
    }
}
