package dev.flowbase.schema;

import dev.flowbase.db.Database;
import dev.flowbase.migrate.MigrateRequest;
import dev.flowbase.migrate.MigrationLocation;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.migrate.StatusEntry;
import dev.flowbase.migrate.Version;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Compares a live database with the schema its applied migrations should have produced. The
 * expected schema is not a file kept in step by hand: the same migrations, up to the same
 * version, are replayed in a {@link ScratchSpace} and read back with the same reader.
 */
public final class SchemaValidator {
    private final MigrationLocation location;
    private final String historyTable;

    public SchemaValidator(MigrationLocation location, String historyTable) {
        this.location = location;
        this.historyTable = historyTable;
    }

    public static SchemaValidator flowbase() {
        return new SchemaValidator(MigrationLocation.classpath(), Migrator.DEFAULT_TABLE);
    }

    public SchemaReport validate(Database live) {
        Optional<Version> applied = appliedVersion(live);
        Catalog actual = withoutHistory(CatalogReader.read(live));
        Catalog expected;
        if (applied.isEmpty()) {
            expected = new Catalog(Map.of());
        } else {
            try (ScratchSpace scratch = ScratchSpace.beside(live)) {
                migrator(scratch.database()).migrate(MigrateRequest.upTo(applied.get()));
                expected = withoutHistory(CatalogReader.read(scratch.database()));
            }
        }
        return new SchemaReport(
                live.engine().id(),
                applied.map(Version::toString).orElse("none"),
                SchemaDiff.compare(expected, actual));
    }

    /** The highest version applied (or baselined) in {@code live}; empty when none is. */
    public Optional<Version> appliedVersion(Database live) {
        return migrator(live).status().entries().stream()
                .filter(e -> e.version() != null && ("success".equals(e.state()) || "baseline".equals(e.state())))
                .map(StatusEntry::version)
                .map(Version::parse)
                .max(Comparator.naturalOrder());
    }

    private Migrator migrator(Database db) {
        return Migrator.configure()
                .database(db)
                .location(location)
                .table(historyTable)
                .load();
    }

    private Catalog withoutHistory(Catalog catalog) {
        var tables = new TreeMap<>(catalog.tables());
        tables.remove(historyTable.toLowerCase(Locale.ROOT));
        return new Catalog(tables);
    }
}
