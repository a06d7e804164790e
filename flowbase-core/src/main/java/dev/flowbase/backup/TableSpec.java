package dev.flowbase.backup;

import java.util.List;

/**
 * A table as the archive holds it: its columns in order and, when a foreign key points back into the
 * table itself (a workflow's parent), that column, so that rows are written parents first.
 */
public record TableSpec(String name, List<Column> columns, String selfReference) {
    public TableSpec {
        columns = List.copyOf(columns);
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}
