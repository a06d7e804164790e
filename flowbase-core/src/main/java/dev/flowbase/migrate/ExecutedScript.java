package dev.flowbase.migrate;

import java.util.List;

/**
 * A script that ran (or, in a dry run, would run).
 *
 * @param version null for repeatable scripts
 * @param resumedAt the 1-based statement a resumed run started at, 1 for a full run
 * @param sql the statements in order; filled in dry runs only
 */
public record ExecutedScript(
        String version,
        String description,
        MigrationType type,
        String script,
        long executionTimeMs,
        int statements,
        int resumedAt,
        List<String> sql) {

    public ExecutedScript {
        sql = List.copyOf(sql);
    }

    /**
     * The statements as psql reads them, one after another: each ended by a semicolon, except a
     * {@code COPY … FROM stdin} block, whose rows end with the {@code \.} line alone (psql does not
     * accept {@code \.;}).
     */
    public List<String> psqlLines() {
        return sql.stream()
                .map(statement -> statement.endsWith(PlannedScript.COPY_END) ? statement : statement + ";")
                .toList();
    }
}
