package dev.flowbase.backup;

/** Hears every backup and restore when it ends, for {@code /metrics}; nothing by default. */
public interface BackupListener {
    BackupListener NONE = run -> {};

    void ended(BackupRun run);
}
