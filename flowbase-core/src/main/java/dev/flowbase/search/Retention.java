package dev.flowbase.search;

import dev.flowbase.db.Database;
import dev.flowbase.queue.TaskRetention;
import dev.flowbase.search.RetentionResult.RuleResult;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Deletes the rows a {@link RetentionPolicy} says are old, in batches of {@code batchSize}, each
 * its own short transaction: the ids of a batch are read first, then deleted by primary key with
 * the rule's condition repeated (a row that started running again in between stays). No statement
 * holds locks for longer than one batch, so enqueues and claims go on beside it; a run stopped at
 * any point (a kill, lost leadership) has lost nothing and the next run goes on where it stopped.
 * The same SQL on every engine: it needs nothing an engine does differently. Tasks are deleted by
 * the queue ({@link TaskRetention}), the one writer of {@code tasks}.
 */
public final class Retention {
    /** Rows per batch when nothing else is said: small enough to hold no lock for long. */
    public static final int DEFAULT_BATCH_SIZE = 1000;

    /** Hears each batch: the rule, the rows the batch deleted, the rule's total so far. */
    public interface Progress {
        void batch(String rule, int deleted, long total);

        Progress NONE = (rule, deleted, total) -> {};
    }

    private final Database db;
    private final InstantSource clock;
    private final int batchSize;

    public Retention(Database db, InstantSource clock, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        this.db = db;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Counts the rows each rule would delete, changing nothing. */
    public RetentionResult dryRun(RetentionPolicy policy) {
        Instant now = clock.instant();
        List<RuleResult> results = new ArrayList<>();
        for (RetentionRule rule : policy.rules()) {
            String where = condition(rule, policy);
            try {
                long n = db.withHandle(
                        "retention: counting " + rule.name(),
                        h -> bind(
                                        h.createQuery("SELECT COUNT(*) FROM "
                                                + rule.target().table() + " WHERE " + where),
                                        rule,
                                        policy,
                                        now)
                                .mapTo(Long.class)
                                .one());
                results.add(new RuleResult(rule.name(), rule.target().table(), n, null));
            } catch (RuntimeException e) {
                results.add(new RuleResult(rule.name(), rule.target().table(), 0, e.getMessage()));
            }
        }
        return new RetentionResult(true, true, results);
    }

    /**
     * Deletes, rule after rule, while {@code keepGoing} says so (asked before every batch). A rule
     * that fails is reported and the next rule still runs.
     */
    public RetentionResult run(RetentionPolicy policy, Progress progress, BooleanSupplier keepGoing) {
        Instant now = clock.instant();
        List<RuleResult> results = new ArrayList<>();
        boolean complete = true;
        for (RetentionRule rule : policy.rules()) {
            long total = 0;
            String failure = null;
            try {
                while (true) {
                    if (!keepGoing.getAsBoolean()) {
                        complete = false;
                        break;
                    }
                    int deleted = batch(rule, policy, now);
                    total += deleted;
                    if (deleted > 0) {
                        progress.batch(rule.name(), deleted, total);
                    }
                    if (deleted < batchSize) {
                        break;
                    }
                }
            } catch (RuntimeException e) {
                failure = e.getMessage();
            }
            results.add(new RuleResult(rule.name(), rule.target().table(), total, failure));
            if (!complete) {
                break;
            }
        }
        return new RetentionResult(false, complete, results);
    }

    /** One batch: the ids first, then the delete by id; returns the rows deleted. */
    private int batch(RetentionRule rule, RetentionPolicy policy, Instant now) {
        String table = rule.target().table();
        String where = condition(rule, policy);
        return db.inTransaction("retention: deleting from " + table, h -> {
            List<UUID> ids = bind(
                            h.createQuery("SELECT id FROM " + table + " WHERE " + where + " ORDER BY "
                                    + rule.target().timeColumn() + " LIMIT :batch"),
                            rule,
                            policy,
                            now)
                    .bind("batch", batchSize)
                    .mapTo(UUID.class)
                    .list();
            return delete(h, rule.target(), ids, where, rule, policy, now);
        });
    }

    /**
     * Deletes those of {@code ids} that still meet {@code where}: tasks through the queue, a run's
     * finished tasks through the queue before the run itself, every other table here.
     */
    private static int delete(
            Handle h,
            RetentionTarget target,
            List<UUID> ids,
            String where,
            RetentionRule rule,
            RetentionPolicy policy,
            Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        if (target == RetentionTarget.TASKS) {
            return TaskRetention.deleteFinished(h, ids);
        }
        if (target == RetentionTarget.WORKFLOW_EXECUTIONS) {
            TaskRetention.deleteFinishedOfRuns(h, ids);
        }
        return bind(h.createUpdate(target.delete() + " WHERE id IN (<ids>) AND " + where), rule, policy, now)
                .bindList("ids", ids)
                .execute();
    }

    /** The rule's condition: old, finished, and (for tasks) in its queue or type, or in none named. */
    static String condition(RetentionRule rule, RetentionPolicy policy) {
        StringBuilder s = new StringBuilder(rule.target().timeColumn())
                .append(" < :cutoff AND ")
                .append(rule.target().finished());
        if (rule.queue() != null) {
            s.append(" AND queue_name = :ruleQueue");
        } else if (rule.type() != null) {
            s.append(" AND type = :ruleType");
        } else if (rule.target() == RetentionTarget.TASKS) {
            if (!queues(policy).isEmpty()) {
                s.append(" AND queue_name NOT IN (<namedQueues>)");
            }
            if (!types(policy).isEmpty()) {
                s.append(" AND type NOT IN (<namedTypes>)");
            }
        }
        return s.toString();
    }

    static <S extends SqlStatement<S>> S bind(S statement, RetentionRule rule, RetentionPolicy policy, Instant now) {
        binds(rule, policy, now).forEach((name, value) -> {
            if (value instanceof List<?> list) {
                statement.bindList(name, list);
            } else {
                statement.bind(name, value);
            }
        });
        return statement;
    }

    /** The values {@link #condition} names, lists for its {@code <list>} parameters. */
    static Map<String, Object> binds(RetentionRule rule, RetentionPolicy policy, Instant now) {
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("cutoff", now.minus(rule.keep()));
        binds.put("finishedStates", TaskRetention.FINISHED_STATES);
        if (rule.queue() != null) {
            binds.put("ruleQueue", rule.queue());
        } else if (rule.type() != null) {
            binds.put("ruleType", rule.type());
        } else if (rule.target() == RetentionTarget.TASKS) {
            if (!queues(policy).isEmpty()) {
                binds.put("namedQueues", queues(policy));
            }
            if (!types(policy).isEmpty()) {
                binds.put("namedTypes", types(policy));
            }
        }
        return binds;
    }

    private static List<String> queues(RetentionPolicy policy) {
        return policy.rules().stream()
                .map(RetentionRule::queue)
                .filter(q -> q != null)
                .toList();
    }

    private static List<String> types(RetentionPolicy policy) {
        return policy.rules().stream()
                .map(RetentionRule::type)
                .filter(t -> t != null)
                .toList();
    }
}
