package dev.flowbase.engines.mariadb;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the rows of each table in a dump {@code mariadb-dump} wrote: each of its {@code INSERT INTO
 * `t` VALUES (…),(…);} lines holds one parenthesised tuple per row, and a parenthesis inside a quoted
 * string is not one (strings are in single quotes with backslash escapes; binary is hex with
 * {@code --hex-blob}). Counting the dump itself gives the dump's counts, which a count in another
 * session, outside the dump's snapshot, would not.
 */
final class MariaDbDumpRows {
    private static final String INSERT = "INSERT INTO `";

    private MariaDbDumpRows() {}

    static Map<String, Long> count(Path dump, List<String> tables) throws IOException {
        Map<String, Long> rows = new LinkedHashMap<>();
        tables.forEach(t -> rows.put(t, 0L));
        // ISO-8859-1 maps every byte to one character: only ASCII structure matters here.
        try (BufferedReader in = Files.newBufferedReader(dump, StandardCharsets.ISO_8859_1)) {
            Statement insert = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int from = 0;
                if (insert == null && line.startsWith(INSERT)) {
                    int end = tableEnd(line);
                    String table = new String(
                            line.substring(INSERT.length(), end)
                                    .replace("``", "`")
                                    .getBytes(StandardCharsets.ISO_8859_1),
                            StandardCharsets.UTF_8);
                    insert = new Statement(table);
                    // A table with invisible columns gets a column list before VALUES: not a row.
                    from = line.indexOf(" VALUES ", end) + 1;
                }
                if (insert != null && insert.scan(line, from)) {
                    rows.merge(insert.table, insert.rows, Long::sum);
                    insert = null;
                }
            }
        }
        return rows;
    }

    private static int tableEnd(String line) {
        int i = INSERT.length();
        while (true) {
            int tick = line.indexOf('`', i);
            if (tick + 1 < line.length() && line.charAt(tick + 1) == '`') {
                i = tick + 2;
            } else {
                return tick;
            }
        }
    }

    /**
     * One INSERT, which may span lines (a tuple per line when the dump names its columns); a line break
     * is never inside a string, where the dump writes it as an escape.
     */
    private static final class Statement {
        final String table;
        long rows;
        int depth;
        boolean quoted;

        Statement(String table) {
            this.table = table;
        }

        /** Counts the tuples of {@code line} from {@code from}; true when the statement ends on it. */
        boolean scan(String line, int from) {
            for (int i = from; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted) {
                    if (ch == '\\') {
                        i++;
                    } else if (ch == '\'') {
                        quoted = false;
                    }
                } else if (ch == '\'') {
                    quoted = true;
                } else if (ch == '(') {
                    if (depth++ == 0) {
                        rows++;
                    }
                } else if (ch == ')') {
                    depth--;
                } else if (ch == ';' && depth == 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
