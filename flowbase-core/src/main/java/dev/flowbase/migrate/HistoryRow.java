package dev.flowbase.migrate;

import java.time.Instant;

/**
 * One row of the history table.
 *
 * @param version null for repeatable scripts
 * @param statementsApplied how many statements of the script ran, for engines that commit DDL one
 *     statement at a time (on the others it is all of them or, for a failed row, none)
 * @param appliedChecksum the chained checksum of those statements, so that a resumed run can tell
 *     whether they are unchanged
 */
public record HistoryRow(
        int installedRank,
        Version version,
        String description,
        MigrationType type,
        String script,
        String checksum,
        String installedBy,
        Instant installedAt,
        long executionTimeMs,
        MigrationState state,
        int statementsApplied,
        String appliedChecksum) {

    /** The row that marks a database Flowbase never migrated as being at {@code version}. */
    static HistoryRow baseline(Version version, String installedBy) {
        return new HistoryRow(
                0,
                version,
                "<< baseline >>",
                MigrationType.BASELINE,
                "<< baseline >>",
                null,
                installedBy,
                Instant.now(),
                0,
                MigrationState.SUCCESS,
                0,
                null);
    }

    HistoryRow withRank(int rank) {
        return new HistoryRow(
                rank,
                version,
                description,
                type,
                script,
                checksum,
                installedBy,
                installedAt,
                executionTimeMs,
                state,
                statementsApplied,
                appliedChecksum);
    }

    /** The same row after {@code applied} statements, {@code millis} in, in {@code newState}. */
    HistoryRow withProgress(int applied, String chain, long millis, MigrationState newState) {
        return new HistoryRow(
                installedRank,
                version,
                description,
                type,
                script,
                checksum,
                installedBy,
                installedAt,
                millis,
                newState,
                applied,
                chain);
    }

    boolean is(MigrationType t, MigrationState s) {
        return type == t && state == s;
    }

    /** A versioned row that counts as applied, or the baseline. */
    boolean isApplied() {
        return state == MigrationState.SUCCESS && (type == MigrationType.VERSIONED || type == MigrationType.BASELINE);
    }
}
