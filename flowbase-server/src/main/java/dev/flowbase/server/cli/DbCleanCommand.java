package dev.flowbase.server.cli;

import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.error.InvalidFieldException;
import dev.flowbase.search.Ages;
import dev.flowbase.search.Retention;
import dev.flowbase.search.RetentionPolicy;
import dev.flowbase.search.RetentionResult;
import dev.flowbase.search.RetentionRule;
import dev.flowbase.search.RetentionTarget;
import dev.flowbase.server.retention.RetentionSettings;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowbase db clean}: retention's deletes, by --older-than or by the configured policy. */
@Command(
        name = "clean",
        description = "Delete old finished rows in small batches, by --older-than or by retention.policy.")
final class DbCleanCommand extends BaseCommand {
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

    @Option(names = "--archive", description = "Copy rows to an archive before deleting (not available yet).")
    boolean archive;

    @Override
    public Integer call() {
        if (archive) {
            throw new FlowbaseException(
                    ErrorCode.REFUSED,
                    "--archive needs the backup archive format, which this"
                            + " build does not have yet; run without --archive to delete, or take a backup first");
        }
        RetentionSettings settings = RetentionSettings.from(config());
        RetentionPolicy policy = only(olderThan == null ? settings.policy() : RetentionPolicy.everything(age()));
        if (policy.isEmpty()) {
            throw new FlowbaseException(
                    ErrorCode.INVALID_ARGUMENT,
                    "Nothing to clean: give --older-than AGE,"
                            + " or set retention.policy (FLOWBASE_RETENTION), for example logs=30d,tasks=30d");
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
