package dev.flowbase.migrate;

import java.util.List;

/**
 * What {@code migrate} did, or in a dry run would do.
 *
 * @param executed the scripts run, in order (versioned, then repeatable)
 * @param alreadyApplied versions that were applied before this run and were skipped
 * @param totalMs wall time of the run
 */
public record MigrateResult(boolean dryRun, List<ExecutedScript> executed, int alreadyApplied, long totalMs) {
    public MigrateResult {
        executed = List.copyOf(executed);
    }

    /** Whether there was nothing to do. */
    public boolean upToDate() {
        return executed.isEmpty();
    }
}
