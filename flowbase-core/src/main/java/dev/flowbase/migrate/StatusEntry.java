package dev.flowbase.migrate;

import java.time.Instant;

/**
 * One line of {@code migrate status}.
 *
 * @param state {@code pending}, {@code success}, {@code failed}, {@code undone}, {@code baseline},
 *     {@code below baseline}, {@code missing file} or, for repeatable scripts, {@code outdated}
 * @param checksumMatch whether the file still matches what was applied; null when there is nothing to compare
 * @param statementsApplied statements run by the latest attempt (for a failed one, how far it got)
 * @param hasUndo whether an undo file exists for this version
 */
public record StatusEntry(
        String version,
        String description,
        MigrationType type,
        String script,
        String state,
        Instant installedAt,
        Long executionTimeMs,
        Boolean checksumMatch,
        int statementsApplied,
        boolean hasUndo) {

    /**
     * Whether someone must act before the next run: a failed or interrupted attempt, an applied
     * versioned file that changed, is missing or was renamed. Pending, outdated repeatable and
     * running rows are the normal course of things.
     */
    public boolean needsAttention() {
        return switch (state) {
            case "failed", "interrupted", "missing file", "renamed" -> true;
            default -> type != MigrationType.REPEATABLE && Boolean.FALSE.equals(checksumMatch);
        };
    }
}
