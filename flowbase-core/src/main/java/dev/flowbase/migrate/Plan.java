package dev.flowbase.migrate;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Decides what {@code migrate} and {@code rollback} will run, from the files and the history alone. */
final class Plan {
    /** One script to run, with the failed row of an earlier attempt when there is one. */
    record Step(Script script, HistoryRow failed, HistoryRow undoes) {}

    private Plan() {}

    /**
     * Pending versioned scripts up to {@code target} (all when null), then changed repeatable scripts.
     *
     * @throws FlowbaseException when an applied file has changed, or a pending version is below the
     *     highest applied one and {@code outOfOrder} is false
     */
    static List<Step> migrate(ScriptSet scripts, History history, Version target, boolean outOfOrder) {
        List<String> problems = Validation.changedFiles(scripts, history);
        if (!problems.isEmpty()) {
            throw new FlowbaseException(ErrorCode.VALIDATION_FAILED, String.join("\n", problems));
        }
        Map<Version, HistoryRow> applied = history.applied();
        Version baseline = history.baseline().orElse(null);
        Version highest = history.highestApplied().orElse(null);
        List<Step> steps = new ArrayList<>();
        for (Script s : scripts.versioned().values()) {
            Version v = s.version();
            if (applied.containsKey(v) || (baseline != null && v.compareTo(baseline) <= 0)) {
                continue;
            }
            if (target != null && v.compareTo(target) > 0) {
                break;
            }
            if (highest != null && v.compareTo(highest) < 0 && !outOfOrder) {
                throw new FlowbaseException(ErrorCode.VALIDATION_FAILED, Validation.outOfOrder(s, highest));
            }
            steps.add(
                    new Step(s, history.failed(MigrationType.VERSIONED, s.key()).orElse(null), null));
        }
        Map<String, HistoryRow> repeatables = history.repeatables();
        for (Script s : scripts.repeatable().values()) {
            HistoryRow last = repeatables.get(s.description());
            if (last == null || !s.checksum().equals(last.checksum())) {
                steps.add(new Step(
                        s, history.failed(MigrationType.REPEATABLE, s.key()).orElse(null), null));
            }
        }
        return steps;
    }

    /**
     * The undo scripts of the applied versions above {@code to}, or of the last {@code steps} applied
     * versions, newest first.
     *
     * @throws FlowbaseException before anything runs, naming every missing undo file
     */
    static List<Step> rollback(ScriptSet scripts, History history, Version to, Integer steps) {
        List<HistoryRow> applied =
                new ArrayList<>(history.appliedVersioned().descendingMap().values());
        Optional<Version> baseline = history.baseline();
        List<HistoryRow> chosen;
        if (steps != null) {
            if (steps < 1 || steps > applied.size()) {
                throw new FlowbaseException(
                        ErrorCode.REFUSED,
                        "Cannot roll back " + steps + " step(s): " + applied.size()
                                + " applied version(s) can be rolled back; pass --steps between 1 and "
                                + applied.size());
            }
            chosen = applied.subList(0, steps);
        } else {
            if (baseline.isPresent() && to.compareTo(baseline.get()) < 0) {
                throw new FlowbaseException(
                        ErrorCode.REFUSED,
                        "Cannot roll back to " + to + ": the database was baselined at " + baseline.get()
                                + " and versions up to it were never run by Flowbase; use --to " + baseline.get());
            }
            chosen = applied.stream().filter(r -> r.version().compareTo(to) > 0).toList();
        }
        List<Step> plan = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (HistoryRow row : chosen) {
            Optional<Script> undo = scripts.undo(row.version());
            if (undo.isEmpty()) {
                missing.add("U" + row.version() + "__" + row.description().replace(' ', '_') + ".sql (undo of "
                        + row.script() + ")");
            } else {
                HistoryRow failed = history.failed(
                                MigrationType.UNDO, row.version().toString())
                        .orElse(null);
                plan.add(new Step(undo.get(), failed, row));
            }
        }
        if (!missing.isEmpty()) {
            throw new FlowbaseException(
                    ErrorCode.REFUSED,
                    "Nothing was rolled back: no undo file for " + String.join(", ", missing)
                            + "; add the missing file(s), or roll back fewer versions");
        }
        return plan;
    }
}
