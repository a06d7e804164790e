package dev.flowbase.server.cli;

import dev.flowbase.backup.BackupRun;
import dev.flowbase.backup.BackupRuns;
import dev.flowbase.backup.BackupSchedule;
import dev.flowbase.db.Database;
import dev.flowbase.server.backup.BackupSettings;
import dev.flowbase.store.Stores;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "history",
        description = "The backups and restores the audit log recorded (scheduled, from the command line or the"
                + " admin page), newest first, and when serve's schedule runs next.")
final class BackupHistoryCommand extends BaseCommand {
    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "20",
            description = "Runs to show (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        var config = config();
        Optional<BackupSchedule> schedule = BackupSettings.from(config);
        List<BackupRun> runs;
        try (Database db = Database.open(config.database())) {
            Stores stores = Stores.create(db);
            runs = BackupRuns.recent(stores, Math.max(1, Math.min(limit, 1000)));
        }
        Instant last = runs.stream()
                .filter(r -> r.kind().equals("create") && r.trigger().equals("scheduled"))
                .map(BackupRun::startedAt)
                .findFirst()
                .orElse(null);
        Instant next = schedule.map(s -> s.nextAfter(last, Instant.now())).orElse(null);
        if (json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("schedule", schedule.map(s -> describe(s, next)).orElse(null));
            doc.put("runs", runs);
            Output.json(out(), doc);
            return 0;
        }
        out().println(schedule.map(s -> "Scheduled every " + s.everyText() + " into " + s.directory() + " (keep "
                        + s.retention() + "); next at " + next)
                .orElse("No schedule (backup.schedule is not set)."));
        if (runs.isEmpty()) {
            out().println("No backup or restore is recorded in the audit log.");
            return 0;
        }
        Output.table(
                out(),
                List.of("STARTED", "KIND", "TRIGGER", "BY", "OUTCOME", "SIZE", "ROWS", "TOOK", "FILE"),
                runs.stream()
                        .map(r -> List.of(
                                r.startedAt().toString(),
                                r.kind(),
                                r.trigger(),
                                String.valueOf(r.actor()),
                                r.succeeded() ? r.outcome() : r.outcome() + ": " + r.error(),
                                r.bytes() < 0 ? "-" : BackupOutput.human(r.bytes()),
                                String.valueOf(r.rows()),
                                String.format("%.1f s", r.millis() / 1000.0),
                                r.file()))
                        .toList());
        return 0;
    }

    private static Map<String, Object> describe(BackupSchedule s, Instant next) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("everySeconds", s.every().toSeconds());
        doc.put("directory", s.directory().toString());
        doc.put(
                "retention",
                Map.of("last", s.retention().last(), "daily", s.retention().daily()));
        doc.put("compression", s.options().compression().id());
        doc.put("encrypted", s.options().key() != null);
        doc.put("nextAt", next == null ? null : next.toString());
        return doc;
    }
}
