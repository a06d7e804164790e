package dev.flowbase.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the PostgreSQL server spent over a stretch of a run: WAL bytes ({@code pg_current_wal_lsn()})
 * and CPU time of its processes from {@code /proc/<pid>/stat}. The server must run on this machine.
 *
 * <p>Server CPU counts every process of the server, as {@code bench/queue/pg-cost} does for the
 * peers: the postmaster's own time and that of its children already gone ({@code cutime + cstime},
 * so backends that exit within the stretch count), plus every live child's. On a server of its own
 * ({@code bench/queue/pg-private}) that is the benchmark's cost alone; on a shared one other
 * clients' work lands in it, and in the WAL, which is why {@link #otherClients} is reported.
 * Backend CPU counts only the backends connected to the benchmark's database: exact on a shared
 * server too, but without the WAL writer, checkpointer and background writer.
 */
final class PgServerCost implements AutoCloseable {
    /** Clock ticks per second of {@code /proc/<pid>/stat} times (USER_HZ; 100 on Linux x86-64). */
    private static final long TICKS_PER_SECOND = 100;

    private final Connection connection;
    private final long postmaster;

    /** One reading: absolute WAL position, server and backend CPU in microseconds (-1 when unreadable). */
    record Sample(long walBytes, long serverCpuUs, Map<Long, Long> backendCpuUs) {}

    private PgServerCost(Connection connection, long postmaster) {
        this.connection = connection;
        this.postmaster = postmaster;
    }

    static PgServerCost open(BenchDatabase db) throws SQLException {
        Connection c = db.connect();
        long self = query(c, "SELECT pg_backend_pid()");
        long[] stat = stat(self);
        return new PgServerCost(c, stat == null ? -1 : stat[0]);
    }

    Sample sample() throws SQLException {
        long wal = query(connection, "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint");
        long server = -1;
        long[] pm = postmaster < 0 ? null : stat(postmaster);
        if (pm != null) {
            long ticks = pm[1] + pm[2] + pm[3] + pm[4];
            for (ProcessHandle child :
                    ProcessHandle.of(postmaster).map(p -> p.children().toList()).orElse(List.of())) {
                long[] s = stat(child.pid());
                if (s != null) {
                    ticks += s[1] + s[2];
                }
            }
            server = ticks * 1_000_000 / TICKS_PER_SECOND;
        }
        Map<Long, Long> backends = new HashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            while (rs.next()) {
                long[] st = stat(rs.getLong(1));
                if (st != null) {
                    backends.put(rs.getLong(1), (st[1] + st[2]) * 1_000_000 / TICKS_PER_SECOND);
                }
            }
        }
        return new Sample(wal, server, backends);
    }

    /** Backend CPU between two samples: backends that started within the stretch count from zero. */
    static long backendCpuUs(Sample from, Sample to) {
        long sum = 0;
        for (Map.Entry<Long, Long> e : to.backendCpuUs().entrySet()) {
            sum += e.getValue() - from.backendCpuUs().getOrDefault(e.getKey(), 0L);
        }
        return sum;
    }

    /** Client backends connected to other databases: when not zero, server CPU and WAL include their work. */
    long otherClients() throws SQLException {
        return query(
                connection,
                "SELECT COUNT(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"
                        + " AND datname IS DISTINCT FROM current_database()");
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    private static long query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** {ppid, utime, stime, cutime, cstime} of a process, or null when it is gone or unreadable. */
    private static long[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name sits in parentheses and may hold spaces: fields count from after it.
            String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return new long[] {
                Long.parseLong(f[1]),
                Long.parseLong(f[11]),
                Long.parseLong(f[12]),
                Long.parseLong(f[13]),
                Long.parseLong(f[14])
            };
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
