package dev.flowbase.backup;

import dev.flowbase.db.Database;
import java.util.function.Consumer;

/**
 * How to restore: the key of an encrypted archive (or null), whether a target that holds Flowbase data
 * may have it replaced, and the guard that may still refuse that (the production guard, which lives
 * above this package), called with the target before anything in it changes.
 */
public record RestoreOptions(BackupKey key, boolean replace, Consumer<Database> replaceGuard) {
    public RestoreOptions {
        replaceGuard = replaceGuard == null ? db -> {} : replaceGuard;
    }
}
