package dev.flowbase.backup;

import java.time.Instant;

/**
 * A schedule's state for the admin page and {@code /metrics}: its settings, the backup this server
 * writes now (null when none), the last scheduled backup (null before the first) and the next's time.
 */
public record BackupStatus(BackupSchedule schedule, Running running, BackupRun last, Instant nextAt) {
    /** A backup being written: how far it has got ({@code totalRows} -1 until counted). */
    public record Running(String file, Instant startedAt, String table, long rows, long totalRows, long bytes) {}
}
