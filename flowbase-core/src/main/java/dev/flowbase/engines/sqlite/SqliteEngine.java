package dev.flowbase.engines.sqlite;

import dev.flowbase.backup.BackupSql;
import dev.flowbase.backup.NativeBackup;
import dev.flowbase.db.Dialect;
import dev.flowbase.db.StatisticsQueries;
import dev.flowbase.engine.Engine;
import dev.flowbase.engine.EngineKit;
import dev.flowbase.engine.Parts;
import dev.flowbase.migrate.EngineSupport;
import dev.flowbase.migrate.sql.SqlSplitter;
import dev.flowbase.queue.OutboxSql;
import dev.flowbase.queue.QueueSql;
import dev.flowbase.schema.CatalogQueries;
import dev.flowbase.schema.ScratchSpaces;
import dev.flowbase.search.AnalyticsSql;
import dev.flowbase.search.SearchSql;
import dev.flowbase.store.TenantSession;

/** Everything that is particular to SQLite in Flowbase, handed out by the interface each part implements. */
public final class SqliteEngine implements EngineKit {
    private final Parts parts = new Parts(Engine.SQLITE)
            .with(Dialect.class, new SqliteDialect())
            .with(EngineSupport.class, new SqliteMigrations())
            .with(SqlSplitter.class, SqlSplitter.sqlite())
            .with(CatalogQueries.class, new SqliteCatalogQueries())
            .with(StatisticsQueries.class, new SqliteStatistics())
            .with(QueueSql.class, new SqliteQueue())
            .with(OutboxSql.class, new SqliteOutbox())
            .with(SearchSql.class, new SqliteSearch())
            .with(AnalyticsSql.class, new SqliteAnalytics())
            .with(ScratchSpaces.class, new SqliteScratch())
            .with(BackupSql.class, new SqliteBackup())
            .with(NativeBackup.class, new SqliteNative())
            .with(TenantSession.class, TenantSession.NONE);

    @Override
    public Engine engine() {
        return Engine.SQLITE;
    }

    @Override
    public <T> T part(Class<T> part) {
        return parts.get(part);
    }
}
