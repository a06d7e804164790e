package dev.flowbase.engines.postgresql;

import dev.flowbase.db.Dialect;
import dev.flowbase.db.StatisticsQueries;
import dev.flowbase.engine.Engine;
import dev.flowbase.engine.EngineKit;
import dev.flowbase.engine.Parts;
import dev.flowbase.migrate.EngineSupport;
import dev.flowbase.migrate.sql.SqlSplitter;
import dev.flowbase.queue.QueueSql;
import dev.flowbase.schema.CatalogQueries;
import dev.flowbase.schema.ScratchSpaces;

/** Everything that is particular to PostgreSQL in Flowbase, handed out by the interface each part implements. */
public final class PostgresEngine implements EngineKit {
    private final Parts parts = new Parts(Engine.POSTGRESQL)
            .with(Dialect.class, new PostgresDialect())
            .with(EngineSupport.class, new PostgresMigrations())
            .with(SqlSplitter.class, SqlSplitter.postgresql())
            .with(CatalogQueries.class, new PostgresCatalogQueries())
            .with(StatisticsQueries.class, new PostgresStatistics())
            .with(QueueSql.class, new PostgresQueue())
            .with(ScratchSpaces.class, new PostgresScratch());

    @Override
    public Engine engine() {
        return Engine.POSTGRESQL;
    }

    @Override
    public <T> T part(Class<T> part) {
        return parts.get(part);
    }
}
