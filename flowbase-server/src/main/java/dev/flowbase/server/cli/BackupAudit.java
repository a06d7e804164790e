package dev.flowbase.server.cli;

import dev.flowbase.backup.BackupListener;
import dev.flowbase.backup.BackupRuns;
import dev.flowbase.db.Database;
import dev.flowbase.store.Actor;
import dev.flowbase.store.Stores;

/** The audit log of the command line's backups and restores names the operating-system user, as {@code org} does. */
final class BackupAudit {
    private BackupAudit() {}

    static BackupRuns runs(Database db) {
        String actor = "cli:" + System.getProperty("user.name", "unknown");
        return new BackupRuns(Stores.create(db).as(Actor.system(actor)), BackupListener.NONE);
    }
}
