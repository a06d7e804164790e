package dev.flowbase.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a live database holds, as far as Flowbase compares schemas: tables with their columns,
 * indexes, foreign keys and named checks. Names are lower-case; lists are in a stable order, so
 * two catalogs of the same schema are equal.
 */
public record Catalog(Map<String, Table> tables) {

    public Catalog {
        tables = new TreeMap<>(tables);
    }

    public Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    public record Table(
            String name,
            List<Column> columns,
            List<String> primaryKey,
            List<Index> indexes,
            List<ForeignKey> foreignKeys,
            List<Check> checks) {
        public Table {
            columns = List.copyOf(columns);
            primaryKey = List.copyOf(primaryKey);
            indexes = List.copyOf(indexes);
            foreignKeys = List.copyOf(foreignKeys);
            checks = List.copyOf(checks);
        }

        public Optional<Column> column(String columnName) {
            return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
        }
    }

    /** {@code type} is the engine's own type with its size, for example {@code varchar(200)}. */
    public record Column(String name, String type, boolean nullable, String defaultValue) {}

    /** An index the schema declared; the primary key's and engine-made indexes are left out. */
    public record Index(String name, List<String> columns, boolean unique) {
        public Index {
            columns = List.copyOf(columns);
        }

        public String describe() {
            return (unique ? "unique index " : "index ") + name + " (" + String.join(", ", columns) + ")";
        }
    }

    public record ForeignKey(
            List<String> columns, String referencedTable, List<String> referencedColumns, String onDelete) {
        public ForeignKey {
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
        }

        public String describe() {
            return "foreign key (" + String.join(", ", columns) + ") -> " + referencedTable + " ("
                    + String.join(", ", referencedColumns) + ") on delete " + onDelete;
        }
    }

    /** A named CHECK constraint; the expression is kept as the engine reports it. */
    public record Check(String name, String expression) {}
}
