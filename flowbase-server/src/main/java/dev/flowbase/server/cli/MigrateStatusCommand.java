package dev.flowbase.server.cli;

import dev.flowbase.error.ErrorCode;
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
        // Like validate: a script can tell from the status alone that a row needs someone.
        int status = report.needsAttention() ? ErrorCode.VALIDATION_FAILED.exitCode() : 0;
        if (json()) {
            Output.json(
                    out(),
                    Map.of(
                            "table",
                            report.table(),
                            "needsAttention",
                            report.needsAttention(),
                            "entries",
                            report.entries().stream()
                                    .map(MigrateStatusCommand::toMap)
                                    .toList()));
            return status;
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
        if (report.needsAttention()) {
            long needing = report.entries().stream()
                    .filter(StatusEntry::needsAttention)
                    .count();
            root().cli
                    .err()
                    .println("flowbase: " + needing + " migration(s) need attention: see migrate validate and"
                            + " migrate repair (docs/migrations.md)");
        }
        return status;
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
