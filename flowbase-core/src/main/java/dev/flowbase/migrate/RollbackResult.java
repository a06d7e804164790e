package dev.flowbase.migrate;

import java.util.List;

/** The undo scripts {@code rollback} ran, or in a dry run would run, newest version first. */
public record RollbackResult(boolean dryRun, List<ExecutedScript> undone, long totalMs) {
    public RollbackResult {
        undone = List.copyOf(undone);
    }
}
