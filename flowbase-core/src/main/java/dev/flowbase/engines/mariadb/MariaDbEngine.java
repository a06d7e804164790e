package dev.flowbase.engines.mariadb;

import dev.flowbase.backup.BackupSql;
import dev.flowbase.backup.NativeBackup;
import dev.flowbase.db.Dialect;
import dev.flowbase.db.StatisticsQueries;
import dev.flowbase.engine.Engine;
import dev.flowbase.engine.EngineKit;
import dev.flowbase.engine.Parts;
import dev.flowbase.migrate.EngineSupport;
import dev.flowbase.migrate.sql.SqlSplitter;
import dev.flowbase.privilege.DatabaseUsers;
import dev.flowbase.queue.OutboxSql;
import dev.flowbase.queue.QueueSql;
import dev.flowbase.schema.CatalogQueries;
import dev.flowbase.schema.ScratchSpaces;
import dev.flowbase.search.AnalyticsSql;
import dev.flowbase.search.SearchSql;
import dev.flowbase.store.TenantSession;

/** Everything that is particular to MariaDB in Flowbase, handed out by the interface each part implements. */
public final class MariaDbEngine implements EngineKit {
    private final Parts parts = new Parts(Engine.MARIADB)
            .with(Dialect.class, new MariaDbDialect())
            .with(EngineSupport.class, new MariaDbMigrations())
            .with(SqlSplitter.class, SqlSplitter.mariadb())
            .with(CatalogQueries.class, new MariaDbCatalogQueries())
            .with(StatisticsQueries.class, new MariaDbStatistics())
            .with(QueueSql.class, new MariaDbQueue())
            .with(OutboxSql.class, new MariaDbOutbox())
            .with(SearchSql.class, new MariaDbSearch())
            .with(AnalyticsSql.class, new MariaDbAnalytics())
            .with(ScratchSpaces.class, new MariaDbScratch())
            .with(BackupSql.class, new MariaDbBackup())
            .with(NativeBackup.class, new MariaDbNative())
            .with(DatabaseUsers.class, new MariaDbUsers())
            .with(TenantSession.class, TenantSession.NONE);

    @Override
    public Engine engine() {
        return Engine.MARIADB;
    }

    @Override
    public <T> T part(Class<T> part) {
        return parts.get(part);
    }
}
