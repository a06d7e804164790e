package dev.flowbase.engines.postgresql;

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

/** Everything that is particular to PostgreSQL in Flowbase, handed out by the interface each part implements. */
public final class PostgresEngine implements EngineKit {
    private final Parts parts = new Parts(Engine.POSTGRESQL)
            .with(Dialect.class, new PostgresDialect())
            .with(EngineSupport.class, new PostgresMigrations())
            .with(SqlSplitter.class, SqlSplitter.postgresql())
            .with(CatalogQueries.class, new PostgresCatalogQueries())
            .with(StatisticsQueries.class, new PostgresStatistics())
            .with(QueueSql.class, new PostgresQueue())
            .with(OutboxSql.class, new PostgresOutbox())
            .with(SearchSql.class, new PostgresSearch())
            .with(AnalyticsSql.class, new PostgresAnalytics())
            .with(ScratchSpaces.class, new PostgresScratch())
            .with(BackupSql.class, new PostgresBackup())
            .with(NativeBackup.class, new PostgresNative())
            .with(DatabaseUsers.class, new PostgresUsers())
            .with(TenantSession.class, new PostgresTenantSession());

    @Override
    public Engine engine() {
        return Engine.POSTGRESQL;
    }

    @Override
    public <T> T part(Class<T> part) {
        return parts.get(part);
    }
}
