package dev.flowbase.status;

import dev.flowbase.migrate.StatusEntry;
import dev.flowbase.migrate.StatusReport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Migrations are current when every script is applied (or below the baseline, or undone on purpose). */
public final class MigrationsCheck {
    private MigrationsCheck() {}

    public static Check of(StatusReport status) {
        Map<String, Long> notDone = new LinkedHashMap<>();
        String current = null;
        for (StatusEntry e : status.entries()) {
            switch (e.state()) {
                case "success", "baseline" -> current = e.version() != null ? e.version() : current;
                case "undone", "below baseline" -> {}
                default -> notDone.merge(e.state(), 1L, Long::sum);
            }
        }
        if (notDone.isEmpty()) {
            return Check.ok(
                    "migrations",
                    status.entries().size() + " applied" + (current == null ? "" : ", at version " + current));
        }
        String counts = notDone.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        return new Check("migrations", Verdict.FAILING, counts + "; run `flowbase migrate up` or `flowbase init`");
    }
}
