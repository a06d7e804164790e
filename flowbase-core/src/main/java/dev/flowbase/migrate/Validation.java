package dev.flowbase.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The checks of {@code migrate validate}; each problem is one line that names the file and the way out. */
final class Validation {
    private Validation() {}

    static List<String> all(ScriptSet scripts, History history, boolean outOfOrderAllowed) {
        return all(scripts, history, outOfOrderAllowed, Optional.empty());
    }

    /** @param runningBy the lock holder when a run is in progress: its unfinished row is not a failure */
    static List<String> all(ScriptSet scripts, History history, boolean outOfOrderAllowed, Optional<String> runningBy) {
        List<String> problems = new ArrayList<>(changedFiles(scripts, history));
        problems.addAll(missingFiles(scripts, history));
        problems.addAll(renamedFiles(scripts, history));
        for (Script u : scripts.orphanUndo()) {
            problems.add(orphanUndo(u));
        }
        for (HistoryRow r : runningBy.isPresent() ? List.<HistoryRow>of() : history.failures()) {
            problems.add(r.script() + " failed"
                    + (r.statementsApplied() > 0
                            ? " after " + r.statementsApplied() + " statement(s) were applied"
                            : "")
                    + ": fix it and run `flowbase migrate up`, or run `flowbase migrate repair` to clear the entry");
        }
        if (!outOfOrderAllowed) {
            history.highestApplied().ifPresent(highest -> outOfOrderFiles(scripts, history, highest, problems));
        }
        return problems;
    }

    /** Applied scripts whose file has changed since; CRLF and BOM differences do not count. */
    static List<String> changedFiles(ScriptSet scripts, History history) {
        List<String> problems = new ArrayList<>();
        for (HistoryRow r : history.appliedVersioned().values()) {
            scripts.versioned(r.version())
                    .filter(s -> !s.checksum().equals(r.checksum()))
                    .ifPresent(s -> problems.add(s.where() + " has changed since it was applied on " + r.installedAt()
                            + ": revert the edit, or run `flowbase migrate repair` if the change is deliberate"));
        }
        return problems;
    }

    /** Applied scripts whose file was renamed since: the history would otherwise name a file that is gone. */
    static List<String> renamedFiles(ScriptSet scripts, History history) {
        List<String> problems = new ArrayList<>();
        for (HistoryRow r : history.appliedVersioned().values()) {
            scripts.versioned(r.version())
                    .filter(s -> StatusReport.renamed(r, s))
                    .ifPresent(s -> problems.add(s.where() + " was applied as " + r.script()
                            + ": rename it back, or run `flowbase migrate repair` to record the new name"));
        }
        return problems;
    }

    static String orphanUndo(Script u) {
        return "Undo file " + u.where() + " has no versioned file V" + u.version() + "__….sql beside it:"
                + " restore the versioned file, or remove the undo file";
    }

    static String outOfOrder(Script s, Version highest) {
        return s.where() + " has version " + s.version() + ", below the highest applied version " + highest
                + ", and has not been applied: give it a version above " + highest
                + ", or allow it with --out-of-order";
    }

    private static List<String> missingFiles(ScriptSet scripts, History history) {
        List<String> problems = new ArrayList<>();
        for (HistoryRow r : history.appliedVersioned().values()) {
            if (scripts.versioned(r.version()).isEmpty()) {
                problems.add(r.script() + " (version " + r.version()
                        + ") was applied but is not among the migration files: restore it");
            }
        }
        for (Map.Entry<String, HistoryRow> e : history.repeatables().entrySet()) {
            if (!scripts.repeatable().containsKey(e.getKey())) {
                problems.add(e.getValue().script() + " was applied but is not among the migration files: restore it");
            }
        }
        return problems;
    }

    private static void outOfOrderFiles(ScriptSet scripts, History history, Version highest, List<String> problems) {
        Map<Version, HistoryRow> applied = history.applied();
        Version baseline = history.baseline().orElse(null);
        for (Script s : scripts.versioned().headMap(highest, false).values()) {
            boolean belowBaseline = baseline != null && s.version().compareTo(baseline) <= 0;
            if (!applied.containsKey(s.version()) && !belowBaseline) {
                problems.add(outOfOrder(s, highest));
            }
        }
    }
}
