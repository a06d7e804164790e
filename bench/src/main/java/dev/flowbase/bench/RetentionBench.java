package dev.flowbase.bench;

import dev.flowbase.Flowbase;
import dev.flowbase.backup.BackupOptions;
import dev.flowbase.backup.BackupProgress;
import dev.flowbase.db.Database;
import dev.flowbase.search.Retention;
import dev.flowbase.search.RetentionArchive;
import dev.flowbase.search.RetentionPolicy;
import dev.flowbase.search.RetentionResult;
import dev.flowbase.store.LogEntry;
import dev.flowbase.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code bench/run retention --engine ENGINE [--rows N] [--batch B]}: loads N old log lines, deletes
 * them with {@code logs=30d} in batches of B (rows per second), loads them again and runs
 * {@code db clean --archive}'s work on them (archive, verify, delete). The last line is one JSON object.
 */
final class RetentionBench {
    private static final int LOAD_BATCH = 5_000;

    private RetentionBench() {}

    public static void main(String[] args) throws Exception {
        String engineName = option(args, "--engine", "postgresql");
        int rows = Integer.parseInt(option(args, "--rows", "200000"));
        int batch = Integer.parseInt(option(args, "--batch", String.valueOf(Retention.DEFAULT_BATCH_SIZE)));
        BenchDatabase.Engine engine = BenchDatabase.Engine.valueOf(engineName.toUpperCase(Locale.ROOT));
        Path work = Files.createDirectories(Path.of("bench/target/work").toAbsolutePath());
        try (BenchDatabase target = BenchDatabase.create(engine, "retention", work);
                Database db = Database.open(target.flowbaseConfig())) {
            Flowbase.migrator(db).migrate();
            AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
            InstantSource clock = now::get;
            Stores stores = Stores.create(db).withClock(clock);
            UUID org = stores.organizations().create("Bench", "bench").id();
            RetentionPolicy policy = RetentionPolicy.parse("retention.policy", "logs=30d");
            Instant later = now.get().plus(Duration.ofDays(60));

            load(stores, org, rows);
            InstantSource afterwards = () -> later;
            long start = System.nanoTime();
            RetentionResult deleted = new Retention(db, afterwards, batch).run(policy, Retention.Progress.NONE, () -> true);
            double deleteSeconds = (System.nanoTime() - start) / 1e9;
            System.err.printf(Locale.ROOT, "deleted %,d rows in %.1f s%n", deleted.rows(), deleteSeconds);

            load(stores, org, rows);
            Path file = work.resolve("retention-" + engine.id + "-" + System.nanoTime() + ".fbk");
            start = System.nanoTime();
            RetentionArchive.Result archived = new RetentionArchive(db, afterwards, batch)
                    .run(policy, file, BackupOptions.DEFAULT, BackupProgress.NONE, Retention.Progress.NONE);
            double archiveSeconds = (System.nanoTime() - start) / 1e9;
            long archivedDeleted = archived.tables().stream()
                    .mapToLong(RetentionArchive.TableRows::deleted)
                    .sum();
            long bytes = Files.size(file);
            Files.delete(file);
            System.err.printf(
                    Locale.ROOT, "archived and deleted %,d rows in %.1f s (%,d bytes)%n", archivedDeleted, archiveSeconds, bytes);
            System.out.printf(
                    Locale.ROOT,
                    "{\"bench\":\"retention\",\"engine\":\"%s\",\"rows\":%d,\"batch\":%d,\"deleted\":%d,"
                            + "\"delete_rows_per_s\":%.0f,\"archived_deleted\":%d,\"archive_rows_per_s\":%.0f,"
                            + "\"archive_bytes\":%d}%n",
                    engine.id,
                    rows,
                    batch,
                    deleted.rows(),
                    deleted.rows() / deleteSeconds,
                    archivedDeleted,
                    archivedDeleted / archiveSeconds,
                    bytes);
        }
    }

    private static void load(Stores stores, UUID org, int rows) {
        List<LogEntry.New> lines = new ArrayList<>(LOAD_BATCH);
        for (int i = 0; i < rows; i++) {
            lines.add(new LogEntry.New(
                    LogEntry.Level.INFO, "worker-" + (i % 16), "line " + i + " of the retention bench", null, org,
                    null, null, null, null));
            if (lines.size() == LOAD_BATCH || i == rows - 1) {
                stores.logs().appendAll(lines);
                lines.clear();
                System.err.printf(Locale.ROOT, "\rloaded %,d of %,d log lines", i + 1, rows);
            }
        }
        System.err.println();
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
