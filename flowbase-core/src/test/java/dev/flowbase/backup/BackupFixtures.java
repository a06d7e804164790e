package dev.flowbase.backup;

import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.queue.Queue;
import dev.flowbase.security.MasterKey;
import dev.flowbase.security.SecretBox;
import dev.flowbase.store.Configuration;
import dev.flowbase.store.LogEntry;
import dev.flowbase.store.MetricSample;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.store.Workflow;
import dev.flowbase.util.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A database with a little of everything a backup must carry, and the helpers the backup tests share. */
final class BackupFixtures {
    static final String QUEUE = "backup-test";

    private BackupFixtures() {}

    /**
     * Migrates {@code db} and fills it: an organization, a child workflow written before its parent (so
     * that only parents-first reading restores it), JSON with keys in an order jsonb changes, a sensitive
     * configuration (a boolean), a metric (a double), a log line, one task done and one waiting in the queue.
     */
    static UUID fill(Database db) {
        Migrator.configure().database(db).load().migrate();
        Stores stores = Stores.create(db).withSecretBox(new SecretBox(MasterKey.generate()));
        UUID org = stores.organizations().create("Acme", "acme").id();
        stores.workflows().create(Workflow.New.named(org, "child"));
        Workflow parent = stores.workflows()
                .create(new Workflow.New(
                        org,
                        "parent",
                        "with \"quotes\"\tand a tab",
                        null,
                        3,
                        Json.read("{\"zeta\": 1, \"a\": [1, 2.5]}"),
                        Json.read("[\"x\"]"),
                        null));
        db.execute(
                "Linking the child workflow",
                "UPDATE workflows SET parent_workflow_id = (SELECT id FROM"
                        + " workflows WHERE name = 'parent') WHERE name = 'child'");
        stores.configurations().put(null, "backup.test.secret", "s3cret", Configuration.Type.STRING, true, "test");
        stores.metrics()
                .record(null, "backup.test.metric", MetricSample.Type.GAUGE, 0.1 + 0.2, "s", Json.emptyObject());
        stores.logs()
                .append(new LogEntry.New(
                        LogEntry.Level.INFO,
                        "test",
                        "ünïcode ✓ line\nnext",
                        Json.read("{\"b\":1,\"a\":2}"),
                        org,
                        parent.id(),
                        null,
                        null,
                        null));
        Queue queue = Queue.create(db);
        queue.enqueue(NewTask.named(org, "done").inQueue(QUEUE));
        queue.completeAll(queue.claim(QUEUE, 1, "worker-1", Duration.ofMinutes(1)));
        return queue.enqueue(NewTask.named(org, "waiting").inQueue(QUEUE)).id();
    }

    static Manifest backup(Database db, Path out, BackupOptions options) {
        return Backups.create(db, out, options, InstantSource.system(), BackupProgress.NONE);
    }

    static Map<String, String> hashes(Manifest manifest) {
        return manifest.tables().stream().collect(Collectors.toMap(Manifest.Table::name, Manifest.Table::sha256));
    }
}
