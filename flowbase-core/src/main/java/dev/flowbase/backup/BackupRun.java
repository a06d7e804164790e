package dev.flowbase.backup;

import java.time.Instant;

/**
 * One backup or restore as the audit log records it and {@code /metrics} counts it: what ran
 * ({@code create} or {@code restore}), why ({@code scheduled}, {@code cli}, {@code admin}), who
 * ({@code actor}, filled in when read back), when, how long, on which file, and how it ended.
 *
 * @param error the failure's message (null when it succeeded); messages never hold keys or passwords
 */
public record BackupRun(
        String kind,
        String trigger,
        String actor,
        String file,
        Instant startedAt,
        long millis,
        String outcome,
        long bytes,
        long rows,
        String error) {
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    public boolean succeeded() {
        return SUCCEEDED.equals(outcome);
    }

    public static BackupRun succeeded(
            String kind, String trigger, String file, Instant startedAt, long millis, long bytes, long rows) {
        return new BackupRun(kind, trigger, null, file, startedAt, millis, SUCCEEDED, bytes, rows, null);
    }

    public static BackupRun failed(
            String kind, String trigger, String file, Instant startedAt, long millis, String error) {
        return new BackupRun(kind, trigger, null, file, startedAt, millis, FAILED, 0, 0, error);
    }
}
