package dev.flowbase.backup;

import dev.flowbase.db.Database;
import dev.flowbase.db.SqlErrors;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The user's own tables in a portable archive ({@code backup create --all}): each column's type mapped
 * to a neutral kind, or an error naming every column whose type has none; and on restore, the tables
 * created on the target engine from those kinds, their primary keys and NOT NULL columns.
 */
final class UserTables {
    private UserTables() {}

    /** The archive's description of each of {@code tables}, or an error naming every column that does not map. */
    static Map<String, TableSpec> specs(Connection c, BackupSql sql, SourceSchema schema, List<String> tables)
            throws SQLException {
        Map<String, TableSpec> specs = new LinkedHashMap<>();
        List<String> unmapped = new ArrayList<>();
        for (String table : tables) {
            List<Column> columns = new ArrayList<>();
            List<String> notNull = new ArrayList<>();
            for (UserColumn col : sql.userColumns(c, table)) {
                if (col.kind() == null) {
                    unmapped.add(table + "." + col.name() + " (" + col.type() + ")");
                    continue;
                }
                columns.add(new Column(col.name(), col.kind()));
                if (!col.nullable()) {
                    notNull.add(col.name());
                }
            }
            specs.put(table, new TableSpec(table, columns, null, new UserTable(schema.primaryKey(table), notNull)));
        }
        if (!unmapped.isEmpty()) {
            throw new FlowbaseException(
                    ErrorCode.INVALID_ARGUMENT,
                    "--all: the type of " + String.join(", ", unmapped) + " maps to none of the archive's kinds ("
                            + Set.of(ColumnKind.values()).stream()
                                    .map(ColumnKind::id)
                                    .sorted()
                                    .collect(Collectors.joining(", "))
                            + "). Name the tables to keep with --tables, or take the whole database in the engine's"
                            + " own format with --native");
        }
        return specs;
    }

    /** The neutral kinds of a user's table as {@code sql} reads them, to compare with an archive's. */
    static Map<String, ColumnKind> kinds(Connection c, BackupSql sql, String table) throws SQLException {
        Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        for (UserColumn col : sql.userColumns(c, table)) {
            kinds.put(col.name(), col.kind());
        }
        return kinds;
    }

    /**
     * Creates each user table of {@code manifest} that {@code target} lacks, one statement each, before
     * the load's transaction (MariaDB would commit that transaction at a CREATE TABLE). A table already
     * there is used as it is, once its columns are compared with the archive's.
     */
    static void create(Database target, Manifest manifest) {
        BackupSql sql = BackupSql.forEngine(target.engine());
        var d = target.dialect();
        try (Connection c = target.connection();
                Statement s = c.createStatement()) {
            List<String> existing = NativeTool.tables(c).stream()
                    .map(t -> t.toLowerCase(java.util.Locale.ROOT))
                    .toList();
            for (Manifest.Table t : manifest.tables()) {
                if (t.user() == null || existing.contains(t.name().toLowerCase(java.util.Locale.ROOT))) {
                    continue;
                }
                List<String> parts = new ArrayList<>();
                for (Column col : t.columns()) {
                    boolean key = t.user().primaryKey().contains(col.name());
                    parts.add(d.quoteIdentifier(col.name()) + " " + sql.userColumnType(col.kind(), key)
                            + (key || t.user().notNull().contains(col.name()) ? " NOT NULL" : ""));
                }
                if (!t.user().primaryKey().isEmpty()) {
                    parts.add("PRIMARY KEY ("
                            + t.user().primaryKey().stream()
                                    .map(d::quoteIdentifier)
                                    .collect(Collectors.joining(", ")) + ")");
                }
                s.execute("CREATE TABLE " + d.quoteIdentifier(t.name()) + " (" + String.join(", ", parts) + ")");
            }
        } catch (SQLException e) {
            throw SqlErrors.statement(d, "Creating the archive's user tables", e);
        }
    }
}
