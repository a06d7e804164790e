package dev.flowbase.migrate;

import dev.flowbase.engine.Engine;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.migrate.sql.SqlSplitter;
import dev.flowbase.migrate.sql.SqlStatement;
import dev.flowbase.migrate.sql.SqlSyntaxException;
import java.util.List;

/** A script cut into statements before anything runs, so that a file that cannot be split stops the run early. */
record PlannedScript(Script script, List<SqlStatement> statements) {

    PlannedScript {
        statements = List.copyOf(statements);
    }

    static PlannedScript of(Script script, Engine engine) {
        return of(script, engine, Placeholders.NONE);
    }

    /** The script with its placeholders replaced, then split. */
    static PlannedScript of(Script script, Engine engine, Placeholders placeholders) {
        try {
            return new PlannedScript(script, SqlSplitter.forEngine(engine).split(placeholders.apply(script)));
        } catch (SqlSyntaxException e) {
            throw new FlowbaseException(
                    ErrorCode.MIGRATION_FAILED,
                    script.where() + " cannot be split into statements at line " + e.line() + ": " + e.getMessage()
                            + "; fix the file and run again",
                    e);
        }
    }

    /** The line that ends a COPY's rows, as psql and pg_dump write it. */
    static final String COPY_END = "\\.";

    /** What a dry run reports: the statements, nothing run. */
    ExecutedScript dryRun() {
        return new ExecutedScript(
                script.version() == null ? null : script.version().toString(),
                script.description(),
                script.type(),
                script.name(),
                0,
                statements.size(),
                1,
                statements.stream().map(PlannedScript::preview).toList());
    }

    /** The statement as psql would read it: a COPY … FROM stdin with its rows and end line. */
    private static String preview(SqlStatement s) {
        return s.copyData() == null ? s.sql() : s.sql() + ";\n" + s.copyData() + COPY_END;
    }
}
