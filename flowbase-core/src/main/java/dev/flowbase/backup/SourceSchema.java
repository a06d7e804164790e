package dev.flowbase.backup;

import dev.flowbase.db.Database;
import dev.flowbase.db.SqlErrors;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.migrate.Version;
import dev.flowbase.schema.Catalog;
import dev.flowbase.schema.CatalogReader;
import dev.flowbase.schema.SchemaDifference;
import dev.flowbase.schema.SchemaReport;
import dev.flowbase.schema.SchemaValidator;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which tables a backup of {@code database} holds and at which schema version: the tables Flowbase's
 * migrations made, up to the version its history records, in foreign-key order. A schema that has
 * drifted from its migrations is refused, since a restore rebuilds the schema from the migrations.
 */
record SourceSchema(Version version, Catalog catalog, List<String> tables, List<String> userTables) {

    static SourceSchema of(Database database) {
        SchemaValidator validator = SchemaValidator.flowbase();
        Version version = validator
                .appliedVersion(database)
                .orElseThrow(() -> new FlowbaseException(
                        ErrorCode.REFUSED,
                        database.config().describeTarget() + " holds no Flowbase schema (no migration applied):"
                                + " nothing to back up"));
        SchemaReport report = validator.validate(database);
        Set<String> userTables = new HashSet<>();
        List<SchemaDifference> drift = report.differences().stream()
                .filter(d -> {
                    if (d.kind() == SchemaDifference.Kind.EXTRA_TABLE) {
                        userTables.add(d.table());
                        return false;
                    }
                    return true;
                })
                .toList();
        if (!drift.isEmpty()) {
            throw new FlowbaseException(
                    ErrorCode.VALIDATION_FAILED,
                    "the schema of " + database.config().describeTarget() + " differs from its migrations ("
                            + drift.stream()
                                    .limit(3)
                                    .map(SchemaDifference::describe)
                                    .collect(Collectors.joining("; "))
                            + (drift.size() > 3 ? "; …" : "") + "): a restore could not rebuild it; see"
                            + " `flowbase schema validate`");
        }
        Catalog catalog = CatalogReader.read(database);
        String history = Migrator.DEFAULT_TABLE.toLowerCase(Locale.ROOT);
        Set<String> derived = derivedTables(database);
        List<String> ours = catalog.tables().keySet().stream()
                .filter(t -> !t.equals(history) && !userTables.contains(t) && !derived.contains(t))
                .toList();
        List<String> theirs = userTables.stream()
                .filter(t -> !t.equals(history) && !derived.contains(t))
                .sorted()
                .toList();
        return new SourceSchema(version, catalog, TableOrder.parentsFirst(catalog, ours), theirs);
    }

    /** Flowbase's tables and, with {@code all}, the user's own, parents first. */
    List<String> candidates(boolean all) {
        if (!all) {
            return tables;
        }
        List<String> both = new java.util.ArrayList<>(tables);
        both.addAll(userTables);
        return TableOrder.parentsFirst(catalog, both);
    }

    private static Set<String> derivedTables(Database database) {
        try (Connection c = database.connection()) {
            return BackupSql.forEngine(database.engine()).derivedTables(c);
        } catch (SQLException e) {
            throw SqlErrors.statement(database.dialect(), "Listing the engine's own index tables", e);
        }
    }

    String selfReference(String table) {
        return TableOrder.selfReference(catalog.table(table).orElseThrow());
    }

    List<String> primaryKey(String table) {
        return catalog.table(table).orElseThrow().primaryKey();
    }
}
