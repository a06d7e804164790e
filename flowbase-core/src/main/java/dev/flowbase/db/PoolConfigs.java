package dev.flowbase.db;

import com.zaxxer.hikari.HikariConfig;
import dev.flowbase.config.DatabaseConfig;
import java.util.concurrent.atomic.AtomicInteger;

/** HikariCP's settings for a configuration: the URL, credentials, driver properties and the pool's limits. */
final class PoolConfigs {
    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private PoolConfigs() {}

    static HikariConfig of(DatabaseConfig config, Dialect dialect) {
        HikariConfig h = new HikariConfig();
        h.setPoolName("flowbase-" + config.engine().id() + "-" + POOL_NUMBER.incrementAndGet());
        h.setJdbcUrl(dialect.jdbcUrl(config));
        if (!config.engine().isEmbedded()) {
            h.setUsername(config.user());
            h.setPassword(config.password().value());
        }
        dialect.driverProperties(config).forEach(h::addDataSourceProperty);
        h.setMaximumPoolSize(config.pool().maxSize());
        h.setMinimumIdle(config.pool().minIdle());
        // A fixed-size pool never retires idle connections; Hikari warns when told a timeout anyway.
        boolean fixedSize = config.pool().minIdle() >= config.pool().maxSize();
        h.setIdleTimeout(fixedSize ? 0 : config.pool().idleTimeout().toMillis());
        h.setConnectionTimeout(config.pool().connectionTimeout().toMillis());
        // The server has just answered a first connection; the pool fills itself in the background.
        h.setInitializationFailTimeout(-1);
        dialect.adjustPool(h, config);
        return h;
    }
}
