package dev.flowbase.backup;

import java.util.Set;

/**
 * How to write an archive: its compression, the key to encrypt it with (null: not encrypted), and
 * the tables to hold (empty: every Flowbase table), to which the tables they reference are added.
 */
public record BackupOptions(Compression compression, BackupKey key, Set<String> tables) {
    public static final BackupOptions DEFAULT = new BackupOptions(Compression.DEFAULT, null);

    public BackupOptions {
        compression = compression == null ? Compression.DEFAULT : compression;
        tables = tables == null ? Set.of() : Set.copyOf(tables);
    }

    public BackupOptions(Compression compression, BackupKey key) {
        this(compression, key, Set.of());
    }
}
