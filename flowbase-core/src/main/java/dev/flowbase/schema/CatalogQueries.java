package dev.flowbase.schema;

import dev.flowbase.engine.Engine;
import dev.flowbase.engine.EngineKit;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of reading a catalog that JDBC metadata leaves to each engine: named CHECK
 * constraints, and which reported indexes the engine made by itself rather than the schema.
 */
public interface CatalogQueries {

    /** Named checks per lower-case table name. */
    Map<String, List<Catalog.Check>> checks(Connection connection) throws SQLException;

    /** Whether an index was made by the engine itself: a primary key, or foreign-key support. */
    boolean isImplicit(String indexName, Set<String> foreignKeyNames);

    /** Tables that belong to the engine itself, never to a schema. */
    default boolean isSystemTable(String table) {
        return false;
    }

    static CatalogQueries forEngine(Engine engine) {
        return EngineKit.of(engine).part(CatalogQueries.class);
    }
}
