package dev.flowbase.server.cli;

import dev.flowbase.backup.BackupOptions;
import dev.flowbase.backup.Backups;
import dev.flowbase.backup.Compression;
import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.error.InvalidFieldException;
import dev.flowbase.search.Ages;
import dev.flowbase.search.Retention;
import dev.flowbase.search.RetentionArchive;
import dev.flowbase.search.RetentionPolicy;
import dev.flowbase.search.RetentionResult;
import dev.flowbase.search.RetentionRule;
import dev.flowbase.search.RetentionTarget;
import dev.flowbase.server.retention.RetentionSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowbase db clean}: retention's deletes, by --older-than or by the configured policy. */
@Command(
        name = "clean",
        description = "Delete old finished rows in small batches, by --older-than or by retention.policy;"
                + " with --archive, write them to a verified archive first.")
final class DbCleanCommand extends BaseCommand {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Option(
            names = "--older-than",
            paramLabel = "AGE",
            description = "Delete rows older than AGE (30d, 12h, 2w) from every table instead of the policy.")
    String olderThan;

    @Option(
            names = "--table",
            paramLabel = "TABLE",
            description = "Only these tables (repeatable): logs, audit_log, metrics, task_executions, tasks, "
                    + "workflow_executions.")
    List<String> tables = List.of();

    @Option(names = "--dry-run", description = "Count what would be deleted; change nothing.")
    boolean dryRun;

    @Option(
            names = "--archive",
            arity = "0..1",
            fallbackValue = "",
            paramLabel = "FILE",
            description = "First write the rows (and what their deletes take along) to a verified archive in the backup"
                    + " format, FILE or ./flowbase-clean-<engine>-<UTC time>.fbk; delete only what it holds.")
    String archive;

    @Option(
            names = "--compress",
            paramLabel = "gzip|zstd|none",
            defaultValue = "gzip",
            description = "The archive's compression (default: ${DEFAULT-VALUE}).")
    String compress;

    @Option(names = "--encrypt", description = "Encrypt the archive with the backup key (see backup create).")
    boolean encrypt;

    @ArgGroup(exclusive = false)
    BackupKeyOptions key = new BackupKeyOptions();

    @Override
    public Integer call() {
        RetentionSettings settings = RetentionSettings.from(config());
        RetentionPolicy policy = only(olderThan == null ? settings.policy() : RetentionPolicy.everything(age()));
        if (policy.isEmpty()) {
            throw new FlowbaseException(
                    ErrorCode.INVALID_ARGUMENT,
                    "Nothing to clean: give --older-than AGE,"
                            + " or set retention.policy (FLOWBASE_RETENTION), for example logs=30d,tasks=30d");
        }
        if (archive != null && !dryRun) {
            return archiveThenDelete(settings, policy);
        }
        RetentionResult result;
        try (Database db = Database.open(config().database())) {
            Retention retention = new Retention(db, InstantSource.system(), settings.batchSize());
            result = dryRun ? retention.dryRun(policy) : retention.run(policy, progress(), () -> true);
        }
        print(result);
        if (result.failed()) {
            throw new FlowbaseException(
                    ErrorCode.DATABASE_ERROR,
                    "Cleaning failed for "
                            + String.join(
                                    ", ",
                                    result.rules().stream()
                                            .filter(r -> r.failure() != null)
                                            .map(RetentionResult.RuleResult::rule)
                                            .toList())
                            + "; the other rules ran, and a new run goes on where this one stopped");
        }
        return 0;
    }

    private Integer archiveThenDelete(RetentionSettings settings, RetentionPolicy policy) {
        var options = new BackupOptions(
                Compression.parse("--compress", compress),
                encrypt ? key.required(root().cli.environment()) : null);
        RetentionArchive.Result result;
        try (Database db = Database.open(config().database())) {
            Path file = !archive.isEmpty()
                    ? Path.of(archive)
                    : Path.of(
                            "flowbase-clean-" + db.engine().id() + "-" + STAMP.format(Instant.now()) + Backups.SUFFIX);
            result = new RetentionArchive(db, InstantSource.system(), settings.batchSize())
                    .run(policy, file, options, BackupProgressBar.of(this), progress());
        }
        if (json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("dryRun", false);
            doc.put("archive", result.file().toString());
            doc.put("archiveId", result.archiveId());
            doc.put("encrypted", options.key() != null);
            doc.put("rows", deleted(result));
            doc.put("tables", result.tables());
            Output.json(out(), doc);
        } else {
            Output.table(
                    out(),
                    List.of("TABLE", "ARCHIVED", "DELETED", "FAILURE"),
                    result.tables().stream()
                            .map(t -> List.of(
                                    t.table(),
                                    String.valueOf(t.archived()),
                                    String.valueOf(t.deleted()),
                                    t.failure() == null ? "" : t.failure()))
                            .toList());
            out().println("Archived "
                    + result.tables().stream()
                            .mapToLong(RetentionArchive.TableRows::archived)
                            .sum()
                    + " row(s) to " + result.file() + " (verified); deleted " + deleted(result)
                    + " row(s) (a task's attempts, dependencies and queue row go with it).");
        }
        if (result.failed()) {
            throw new FlowbaseException(
                    ErrorCode.DATABASE_ERROR,
                    "Deleting failed for "
                            + String.join(
                                    ", ",
                                    result.tables().stream()
                                            .filter(t -> t.failure() != null)
                                            .map(RetentionArchive.TableRows::table)
                                            .toList())
                            + " after the archive " + result.file()
                            + " was written; a new run archives and deletes what is left");
        }
        return 0;
    }

    private static long deleted(RetentionArchive.Result result) {
        return result.tables().stream()
                .mapToLong(RetentionArchive.TableRows::deleted)
                .sum();
    }

    private Duration age() {
        return Ages.parse(olderThan)
                .orElseThrow(
                        () -> new InvalidFieldException("--older-than", olderThan, "an age such as 30d, 12h or 2w"));
    }

    private RetentionPolicy only(RetentionPolicy policy) {
        if (tables.isEmpty()) {
            return policy;
        }
        List<RetentionTarget> chosen = tables.stream()
                .map(t -> RetentionTarget.named(t)
                        .orElseThrow(() -> new InvalidFieldException(
                                "--table",
                                t,
                                "logs, audit_log, metrics, task_executions, tasks or workflow_executions")))
                .toList();
        List<RetentionRule> kept =
                policy.rules().stream().filter(r -> chosen.contains(r.target())).toList();
        return new RetentionPolicy(kept);
    }

    /** A line on stderr per rule at most once a second: long work shows it is moving. */
    private Retention.Progress progress() {
        if (json()) {
            return Retention.Progress.NONE;
        }
        long[] last = {0};
        return (rule, deleted, total) -> {
            long now = System.nanoTime();
            if (now - last[0] > 1_000_000_000L) {
                last[0] = now;
                err().println(rule + ": " + total + " row(s) deleted so far");
            }
        };
    }

    private void print(RetentionResult result) {
        if (json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("dryRun", result.dryRun());
            doc.put("rows", result.rows());
            doc.put("rules", result.rules());
            Output.json(out(), doc);
            return;
        }
        Output.table(
                out(),
                List.of("RULE", "TABLE", result.dryRun() ? "WOULD DELETE" : "DELETED", "FAILURE"),
                result.rules().stream()
                        .map(r -> List.of(
                                r.rule(), r.table(), String.valueOf(r.rows()), r.failure() == null ? "" : r.failure()))
                        .toList());
        out().println((result.dryRun() ? "Would delete " : "Deleted ") + result.rows() + " row(s).");
    }
}
