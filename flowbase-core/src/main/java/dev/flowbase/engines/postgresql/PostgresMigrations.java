package dev.flowbase.engines.postgresql;

import static dev.flowbase.migrate.EngineSupport.execute;

import dev.flowbase.migrate.DbObject;
import dev.flowbase.migrate.EngineSupport;
import dev.flowbase.migrate.sql.SqlStatement;
import dev.flowbase.util.Sha256;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** PostgreSQL: a session advisory lock, released by the server when the session ends for any reason. */
final class PostgresMigrations implements EngineSupport {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresMigrations.class);
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    @Override
    public String timestampType() {
        return "TIMESTAMPTZ";
    }

    @Override
    public String tableExistsSql() {
        return "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?";
    }

    @Override
    public String tableInSchemaExistsSql() {
        return "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?";
    }

    @Override
    public MigrationLock lock(Connection c, String table, Duration timeout) throws SQLException {
        long key = key(table);
        if (!tryLock(c, key)) {
            String holder = holder(c, key);
            LOG.info("Waiting up to {} s for the migration lock on {} ({})", timeout.toSeconds(), table, holder);
            if (timeout.isZero()) {
                throw EngineSupport.lockTimeout(table, timeout, holder);
            }
            execute(c, "SET lock_timeout = " + Math.max(1, timeout.toMillis()));
            try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
                s.setLong(1, key);
                s.execute();
            } catch (SQLException e) {
                if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                    throw EngineSupport.lockTimeout(table, timeout, holder(c, key));
                }
                throw e;
            } finally {
                execute(c, "RESET lock_timeout");
            }
        }
        return () -> {
            try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                s.setLong(1, key);
                s.execute();
            }
        };
    }

    @Override
    public Optional<String> lockHolder(Connection c, String table) throws SQLException {
        String holder = holder(c, key(table));
        return holder.equals(GONE) ? Optional.empty() : Optional.of(holder);
    }

    /** psql's COPY … FROM stdin, through pgjdbc's CopyManager: the driver refuses it as a plain statement. */
    @Override
    public void copyIn(Connection c, SqlStatement statement) throws SQLException {
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(statement.sql(), new StringReader(statement.copyData()));
        } catch (IOException e) {
            throw new SQLException("Reading the rows of the COPY on line " + statement.line(), "58030", e);
        }
    }

    private static boolean tryLock(Connection c, long key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            s.setLong(1, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Who holds the lock, from pg_locks (a bigint key is split into classid and objid) and pg_stat_activity. */
    private static String holder(Connection c, long key) throws SQLException {
        String sql = "SELECT a.pid, a.usename, coalesce(host(a.client_addr), 'local socket'), a.application_name,"
                + " a.backend_start FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
                + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND l.classid::bigint = ? AND l.objid::bigint = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, key >>> 32);
            s.setLong(2, key & 0xFFFF_FFFFL);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return GONE;
                }
                return "held by server process " + rs.getInt(1) + ", user " + rs.getString(2) + " from "
                        + rs.getString(3) + ", application '" + rs.getString(4) + "', connected since "
                        + rs.getString(5);
            }
        }
    }

    private static final String GONE = "holder already gone";

    /** The first eight bytes of the lock name's SHA-256: the same key in every process. */
    static long key(String table) {
        return ByteBuffer.wrap(Sha256.of(EngineSupport.lockName(table))).getLong();
    }

    private static final String NOT_FROM_EXTENSION =
            " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = %s AND d.deptype = 'e')";

    @Override
    public List<DbObject> objects(Connection c) throws SQLException {
        String relations = "SELECT CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'"
                + " WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, c.relname,"
                + " CASE c.relkind WHEN 'v' THEN 1 WHEN 'm' THEN 2 WHEN 'S' THEN 4 ELSE 3 END"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S')"
                + " AND NOT c.relispartition" + NOT_FROM_EXTENSION.formatted("c.oid");
        String routines = "SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE'"
                + " ELSE 'FUNCTION' END, p.oid::regprocedure::text, 5"
                + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                + " WHERE n.nspname = current_schema()" + NOT_FROM_EXTENSION.formatted("p.oid");
        String types = "SELECT CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, t.typname, 6"
                + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE n.nspname = current_schema() AND t.typtype IN ('e', 'd', 'r', 'c')"
                + " AND (t.typrelid = 0 OR EXISTS (SELECT 1 FROM pg_class r WHERE r.oid = t.typrelid AND r.relkind = 'c'))"
                + NOT_FROM_EXTENSION.formatted("t.oid");
        List<DbObject> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                        relations + " UNION ALL " + routines + " UNION ALL " + types + " ORDER BY 3, 2");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                found.add(new DbObject(rs.getString(1), rs.getString(2)));
            }
        }
        return found;
    }

    @Override
    public String dropSql(DbObject o) {
        // A routine's name is its signature as PostgreSQL prints it, quoted where it needs to be.
        boolean routine = o.kind().equals("FUNCTION")
                || o.kind().equals("PROCEDURE")
                || o.kind().equals("AGGREGATE");
        return "DROP " + o.kind() + " IF EXISTS " + (routine ? o.name() : quote(o.name())) + " CASCADE";
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
