package dev.flowbase.engines.mariadb;

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

final class MariaDbCatalogQueries implements CatalogQueries {

    @Override
    public Map<String, List<Catalog.Check>> checks(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT table_name, constraint_name, check_clause"
                        + " FROM information_schema.check_constraints WHERE constraint_schema = DATABASE()")) {
            return CatalogReader.groupChecks(rs);
        }
    }

    /** InnoDB adds an index named after each foreign key that has none of its own. */
    @Override
    public boolean isImplicit(String indexName, Set<String> foreignKeyNames) {
        return foreignKeyNames.contains(indexName);
    }
}
