package dev.flowbase.server.cli;

import dev.flowbase.migrate.ExecutedScript;
import java.io.PrintStream;
import java.util.List;

/** How executed (or, in a dry run, planned) scripts are printed. */
final class MigrateOutput {
    private MigrateOutput() {}

    static void scripts(PrintStream out, List<ExecutedScript> scripts) {
        List<List<String>> rows = scripts.stream()
                .map(s -> List.of(
                        s.version() == null ? "-" : s.version(),
                        s.type().id(),
                        s.script(),
                        String.valueOf(s.statements()),
                        s.resumedAt() > 1 ? "resumed at " + s.resumedAt() : "",
                        s.executionTimeMs() + " ms"))
                .toList();
        Output.table(out, List.of("VERSION", "TYPE", "SCRIPT", "STATEMENTS", "NOTE", "TIME"), rows);
    }

    /** The exact statements, in order, as psql reads them (see ExecutedScript.psqlLines), under a comment naming the file. */
    static void sql(PrintStream out, List<ExecutedScript> scripts) {
        for (ExecutedScript s : scripts) {
            out.println("-- " + s.script());
            s.psqlLines().forEach(out::println);
            out.println();
        }
        out.println("-- dry run: nothing was changed");
    }
}
