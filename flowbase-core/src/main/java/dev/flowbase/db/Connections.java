package dev.flowbase.db;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * Where a {@link Database} gets its connections: a HikariCP pool for a process that keeps running,
 * or {@link OneShotConnections} for a command that runs once (no pool threads, no background
 * connections). The database asks only these three things of either.
 */
sealed interface Connections extends AutoCloseable permits Connections.Pooled, OneShotConnections {
    DataSource source();

    PoolStats stats();

    @Override
    void close();

    /** A HikariCP pool, reporting its own counts against the configured size. */
    record Pooled(HikariDataSource pool, int max) implements Connections {
        @Override
        public DataSource source() {
            return pool;
        }

        @Override
        public PoolStats stats() {
            var mx = pool.getHikariPoolMXBean();
            return new PoolStats(
                    mx.getActiveConnections(), mx.getIdleConnections(), mx.getThreadsAwaitingConnection(), max);
        }

        @Override
        public void close() {
            pool.close();
        }
    }
}
