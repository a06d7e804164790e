package dev.flowbase.backup;

import java.util.Set;

/**
 * How to write an archive: its compression, the key to encrypt it with (null: not encrypted), the
 * tables to hold (empty: every Flowbase table), to which the tables they reference are added, and
 * whether the user's own tables of the same database come too ({@code --all}).
 */
public record BackupOptions(Compression compression, BackupKey key, Set<String> tables, boolean all) {
    public static final BackupOptions DEFAULT = new BackupOptions(Compression.DEFAULT, null);

    public BackupOptions {
        compression = compression == null ? Compression.DEFAULT : compression;
        tables = tables == null ? Set.of() : Set.copyOf(tables);
    }

    public BackupOptions(Compression compression, BackupKey key, Set<String> tables) {
        this(compression, key, tables, false);
    }

    public BackupOptions(Compression compression, BackupKey key) {
        this(compression, key, Set.of(), false);
    }
}
