package dev.flowbase.migrate;

import dev.flowbase.db.Dialect;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.util.Printable;
import java.util.regex.Pattern;

/**
 * The history table's name as given ({@code --table}): an identifier, or a schema and an
 * identifier ({@code audit.flowbase_history}), each part quoted on its own. Anything else is
 * refused rather than quoted into a table whose name holds a dot or a quote.
 *
 * @param schema the schema (on MariaDB a database, on SQLite an attached database); null for the current one
 */
record TableName(String schema, String table) {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    static TableName parse(String text) {
        String[] parts = text == null ? new String[] {""} : text.split("\\.", -1);
        boolean valid = parts.length <= 2;
        for (String part : parts) {
            valid &= IDENTIFIER.matcher(part).matches();
        }
        if (!valid) {
            throw new FlowbaseException(
                    ErrorCode.INVALID_ARGUMENT,
                    "The history table (--table) '" + Printable.escape(text) + "' is not accepted: expected an"
                            + " identifier of letters, digits and _ (not starting with a digit, at most 63),"
                            + " or schema.table");
        }
        return parts.length == 2 ? new TableName(parts[0], parts[1]) : new TableName(null, parts[0]);
    }

    /** {@code "table"} or {@code "schema"."table"}, each part quoted by the engine's rules. */
    String quoted(Dialect dialect) {
        String quotedTable = dialect.quoteIdentifier(table);
        return schema == null ? quotedTable : dialect.quoteIdentifier(schema) + "." + quotedTable;
    }

    @Override
    public String toString() {
        return schema == null ? table : schema + "." + table;
    }
}
