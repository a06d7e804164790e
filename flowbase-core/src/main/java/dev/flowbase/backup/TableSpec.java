package dev.flowbase.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A table as the archive holds it: its columns in order and, when a foreign key points back into the
 * table itself (a workflow's parent), that column, so that rows are written parents first. A user's own
 * table ({@code --all}) carries what a restore needs to create it ({@code user}); Flowbase's tables are
 * created by the migrations and carry none.
 */
public record TableSpec(
        String name,
        List<Column> columns,
        String selfReference,
        @JsonInclude(JsonInclude.Include.NON_NULL) UserTable user) {
    public TableSpec {
        columns = List.copyOf(columns);
    }

    public TableSpec(String name, List<Column> columns, String selfReference) {
        this(name, columns, selfReference, null);
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}
