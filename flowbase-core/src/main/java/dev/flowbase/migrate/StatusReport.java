package dev.flowbase.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** Every version known from the files or the history, in version order, then the repeatable scripts. */
public record StatusReport(String table, List<StatusEntry> entries) {
    public StatusReport {
        entries = List.copyOf(entries);
    }

    /** Whether any row needs someone to act ({@link StatusEntry#needsAttention()}). */
    public boolean needsAttention() {
        return entries.stream().anyMatch(StatusEntry::needsAttention);
    }

    static StatusReport of(String table, ScriptSet scripts, History history) {
        return of(table, scripts, history, Optional.empty());
    }

    /**
     * @param runningBy the holder of the migration lock when a run is in progress: its unfinished
     *     row is then shown as {@code running (held by …)}, not as failed
     */
    static StatusReport of(String table, ScriptSet scripts, History history, Optional<String> runningBy) {
        StatusReport report = of0(table, scripts, history);
        if (runningBy.isEmpty()) {
            return report;
        }
        List<StatusEntry> entries = new ArrayList<>();
        for (StatusEntry e : report.entries()) {
            boolean unfinished = e.state().equals("failed") || e.state().equals("interrupted");
            entries.add(unfinished ? withState(e, "running (" + runningBy.get() + ")") : e);
        }
        return new StatusReport(table, entries);
    }

    private static StatusReport of0(String table, ScriptSet scripts, History history) {
        TreeMap<Version, HistoryRow> latest = new TreeMap<>();
        history.rows().stream()
                .filter(r -> r.type() == MigrationType.VERSIONED || r.type() == MigrationType.BASELINE)
                .forEach(r -> latest.put(r.version(), r));
        TreeMap<Version, Script> files = new TreeMap<>(scripts.versioned());
        TreeSet<Version> versions = new TreeSet<>(latest.keySet());
        versions.addAll(files.keySet());
        Version baseline = history.baseline().orElse(null);
        List<StatusEntry> entries = new ArrayList<>();
        for (Version v : versions) {
            Optional<Script> file = Optional.ofNullable(files.get(v));
            HistoryRow row = latest.get(v);
            boolean hasUndo = scripts.undo(v).isPresent();
            if (row == null) {
                Script s = file.orElseThrow();
                String state = baseline != null && v.compareTo(baseline) <= 0 ? "below baseline" : "pending";
                entries.add(new StatusEntry(
                        v.toString(), s.description(), s.type(), s.name(), state, null, null, null, 0, hasUndo));
            } else {
                entries.add(fromRow(row, file.orElse(null), hasUndo));
            }
        }
        Map<String, HistoryRow> ran = history.repeatables();
        for (Script s : scripts.repeatable().values()) {
            HistoryRow row = history.failed(MigrationType.REPEATABLE, s.key()).orElse(ran.get(s.description()));
            if (row == null) {
                entries.add(new StatusEntry(
                        null, s.description(), s.type(), s.name(), "pending", null, null, null, 0, false));
            } else {
                StatusEntry e = fromRow(row, s, false);
                boolean outdated =
                        row.state() == MigrationState.SUCCESS && !s.checksum().equals(row.checksum());
                entries.add(outdated ? withState(e, "outdated") : e);
            }
        }
        return new StatusReport(table, entries);
    }

    private static StatusEntry fromRow(HistoryRow r, Script file, boolean hasUndo) {
        String state = r.type() == MigrationType.BASELINE
                ? "baseline"
                : file == null && r.state() == MigrationState.SUCCESS
                        ? "missing file"
                        : renamed(r, file)
                                ? "renamed"
                                // Nobody is running it (else `of` says so): its runner died mid-statement.
                                : r.state() == MigrationState.RUNNING
                                        ? "interrupted"
                                        : r.state().id();
        Boolean match =
                file == null || r.checksum() == null ? null : file.checksum().equals(r.checksum());
        return new StatusEntry(
                r.version() == null ? null : r.version().toString(),
                r.description(),
                r.type(),
                r.script(),
                state,
                r.installedAt(),
                r.executionTimeMs(),
                match,
                r.statementsApplied(),
                hasUndo);
    }

    /** An applied script whose file now has another name (the version and text may be the same). */
    static boolean renamed(HistoryRow r, Script file) {
        return file != null
                && r.state() == MigrationState.SUCCESS
                && !file.name().equals(r.script());
    }

    private static StatusEntry withState(StatusEntry e, String state) {
        return new StatusEntry(
                e.version(),
                e.description(),
                e.type(),
                e.script(),
                state,
                e.installedAt(),
                e.executionTimeMs(),
                e.checksumMatch(),
                e.statementsApplied(),
                e.hasUndo());
    }
}
