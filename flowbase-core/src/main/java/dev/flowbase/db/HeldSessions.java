package dev.flowbase.db;

import com.zaxxer.hikari.HikariDataSource;
import dev.flowbase.config.DatabaseConfig;
import javax.sql.DataSource;

/**
 * The connections that outlive a transaction: DB_DIRECT_URL's pool when the request pool goes
 * through pgbouncer (LISTEN, session locks, a migration's lock), and the listeners' own. A LISTEN
 * holds its connection for the life of the process, so without DB_DIRECT_URL it gets a small pool
 * of its own, opened on first use, never one of the request pool's: a server with
 * {@code database.pool.max} 2 would otherwise have one left for its requests.
 */
final class HeldSessions implements AutoCloseable {
    /** The direct pool's size: LISTEN, the three duties' leads (each held while it leads), a migration. */
    private static final int DIRECT_SESSIONS = 5;
    /** The queues' wake-ups and the live events of other processes. */
    private static final int LISTENERS = 2;

    private final DatabaseConfig config;
    private final Dialect dialect;
    private final HikariDataSource direct;
    private HikariDataSource listeners;

    HeldSessions(DatabaseConfig config, Dialect dialect) {
        this.config = config;
        this.dialect = dialect;
        this.direct = config.direct()
                .map(d -> new HikariDataSource(
                        PoolConfigs.of(d.withPool(d.pool().withMaxSize(DIRECT_SESSIONS)), dialect)))
                .orElse(null);
    }

    /** DB_DIRECT_URL's pool, or {@code pool} without one. */
    DataSource direct(DataSource pool) {
        return direct != null ? direct : pool;
    }

    /** Where a LISTEN takes its connection: DB_DIRECT_URL's pool, else the listeners' own. */
    synchronized DataSource listening() {
        if (direct != null) {
            return direct;
        }
        if (listeners == null) {
            listeners = new HikariDataSource(
                    PoolConfigs.of(config.withPool(config.pool().withMaxSize(LISTENERS)), dialect));
        }
        return listeners;
    }

    @Override
    public synchronized void close() {
        if (direct != null) {
            direct.close();
        }
        if (listeners != null) {
            listeners.close();
        }
    }
}
