package dev.flowbase.backup;

/** How to write an archive: its compression, and the key to encrypt it with (null: not encrypted). */
public record BackupOptions(Compression compression, BackupKey key) {
    public static final BackupOptions DEFAULT = new BackupOptions(Compression.DEFAULT, null);

    public BackupOptions {
        compression = compression == null ? Compression.DEFAULT : compression;
    }
}
