package dev.flowbase.server.cli;

import dev.flowbase.migrate.Migrator;
import dev.flowbase.migrate.StatusEntry;
import dev.flowbase.migrate.StatusReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@picocli.CommandLine.Command(
        name = "status",
        description = "Every version with its state, date, duration and whether the file still matches.")
final class MigrateStatusCommand extends MigrateSubcommand {

    @Override
    boolean readsOnly() {
        return true;
    }

    @Override
    int run(Migrator migrator) {
        StatusReport report = migrator.status();
        if (json()) {
            Output.json(
                    out(),
                    Map.of(
                            "table",
                            report.table(),
                            "entries",
                            report.entries().stream()
                                    .map(MigrateStatusCommand::toMap)
                                    .toList()));
            return 0;
        }
        List<List<String>> rows = report.entries().stream()
                .map(e -> List.of(
                        e.version() == null ? "-" : e.version(),
                        e.description(),
                        e.type().id(),
                        state(e),
                        e.installedAt() == null ? "" : e.installedAt().toString(),
                        e.executionTimeMs() == null ? "" : e.executionTimeMs() + " ms",
                        e.checksumMatch() == null ? "" : e.checksumMatch() ? "yes" : "CHANGED",
                        e.hasUndo() ? "yes" : "no"))
                .toList();
        Output.table(
                out(),
                List.of("VERSION", "DESCRIPTION", "TYPE", "STATE", "INSTALLED AT", "TIME", "MATCH", "UNDO"),
                rows);
        return 0;
    }

    /** A failed statement-by-statement run says how far it got. */
    private static String state(StatusEntry e) {
        return e.state().equals("failed") && e.statementsApplied() > 0
                ? "failed after " + e.statementsApplied() + " statement(s)"
                : e.state();
    }

    private static Map<String, Object> toMap(StatusEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", e.version());
        m.put("description", e.description());
        m.put("type", e.type().id());
        m.put("script", e.script());
        m.put("state", e.state());
        m.put("installedAt", e.installedAt() == null ? null : e.installedAt().toString());
        m.put("executionTimeMs", e.executionTimeMs());
        m.put("checksumMatch", e.checksumMatch());
        m.put("statementsApplied", e.statementsApplied());
        m.put("hasUndo", e.hasUndo());
        return m;
    }
}
