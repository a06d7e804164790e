package dev.flowbase.engines.postgresql;

import dev.flowbase.schema.Catalog;
import dev.flowbase.schema.CatalogQueries;
import dev.flowbase.schema.CatalogReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

final class PostgresCatalogQueries implements CatalogQueries {

    @Override
    public Map<String, List<Catalog.Check>> checks(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT c.relname, k.conname, pg_get_constraintdef(k.oid)"
                        + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid"
                        + " WHERE k.contype = 'c' AND c.relnamespace = current_schema()::regnamespace")) {
            return CatalogReader.groupChecks(rs);
        }
    }

    @Override
    public boolean isImplicit(String indexName, Set<String> foreignKeyNames) {
        return false; // the primary key's index is left out for every engine by the reader
    }
}
