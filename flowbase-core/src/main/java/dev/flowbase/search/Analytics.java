package dev.flowbase.search;

import dev.flowbase.db.Database;
import dev.flowbase.engine.EngineKit;
import dev.flowbase.error.InvalidFieldException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Trends of one organisation's work, computed in SQL (no rows are streamed into Java): duration
 * percentiles per task type and per workflow (slowest first), attempts and failure rate per queue
 * in time buckets, and the most frequent errors. Percentiles are nearest-rank, from
 * {@code ROW_NUMBER} and {@code COUNT} over each group: the same statement on every engine, and
 * exactly what sorting the values by hand gives.
 */
public final class Analytics {
    private static final String FAILED = "('failed', 'timed_out')";

    private final Database db;
    private final AnalyticsSql sql;
    private final InstantSource clock;

    private Analytics(Database db, InstantSource clock) {
        this.db = db;
        this.sql = EngineKit.of(db.engine()).part(AnalyticsSql.class);
        this.clock = clock;
    }

    public static Analytics on(Database db) {
        return new Analytics(db, InstantSource.system());
    }

    public static Analytics on(Database db, InstantSource clock) {
        return new Analytics(db, clock);
    }

    /** {@code 24h}, {@code 7d}, {@code 30m}, {@code 2w} ago, or an ISO-8601 instant; errors name {@code field}. */
    public Instant since(String field, String text) {
        Optional<Duration> ago = Ages.parse(text);
        if (ago.isPresent()) {
            return clock.instant().minus(ago.get());
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(
                    field, "'" + text + "'", "an age such as 30m, 24h, 7d, 2w or an ISO-8601 instant");
        }
    }

    /** Durations of finished attempts per task type, since {@code since}. */
    public List<Percentiles> durationsByTaskType(UUID org, Instant since) {
        return percentiles(
                "durations by task type",
                "SELECT t.type AS grp, t.type AS label, e.duration_ms AS d FROM task_executions e"
                        + " JOIN tasks t ON t.id = e.task_id WHERE e.organization_id = :org"
                        + " AND e.duration_ms IS NOT NULL AND e.created_at >= :since",
                "grp",
                org,
                since,
                1000);
    }

    /** Durations of finished runs per workflow, slowest (by p95) first, at most {@code limit}. */
    public List<Percentiles> slowestWorkflows(UUID org, Instant since, int limit) {
        return percentiles(
                "slowest workflows",
                "SELECT " + text("r.workflow_id") + " AS grp, w.name AS label, r.duration_ms AS d"
                        + " FROM workflow_executions r JOIN workflows w ON w.id = r.workflow_id"
                        + " WHERE r.organization_id = :org AND r.duration_ms IS NOT NULL AND r.created_at >= :since",
                "p95 DESC, grp",
                org,
                since,
                limit);
    }

    private static String text(String column) {
        // A uuid is not text on PostgreSQL nor MariaDB: the group key is compared and returned as text.
        return "CAST(" + column + " AS CHAR(36))";
    }

    private List<Percentiles> percentiles(
            String action, String values, String order, UUID org, Instant since, int limit) {
        String ranked = "SELECT grp, label, d, ROW_NUMBER() OVER (PARTITION BY grp ORDER BY d) AS rn,"
                + " COUNT(*) OVER (PARTITION BY grp) AS n FROM (" + values + ") v";
        String statement = "SELECT grp, MIN(label) AS label, MIN(n) AS n,"
                + " MIN(CASE WHEN rn * 100 >= 50 * n THEN d END) AS p50,"
                + " MIN(CASE WHEN rn * 100 >= 95 * n THEN d END) AS p95,"
                + " MIN(CASE WHEN rn * 100 >= 99 * n THEN d END) AS p99, MAX(d) AS mx"
                + " FROM (" + ranked + ") x GROUP BY grp ORDER BY " + order + " LIMIT :limit";
        return db.withHandle(
                "analytics: " + action,
                h -> h.createQuery(statement)
                        .bind("org", org)
                        .bind("since", since)
                        .bind("limit", limit)
                        .map((rs, ctx) -> new Percentiles(
                                rs.getString("grp"),
                                rs.getString("label"),
                                rs.getLong("n"),
                                rs.getLong("p50"),
                                rs.getLong("p95"),
                                rs.getLong("p99"),
                                rs.getLong("mx")))
                        .list());
    }

    /** Finished attempts per queue and bucket of their end, oldest bucket first. */
    public List<ThroughputPoint> throughput(UUID org, Instant since, Bucket bucket) {
        String start = sql.bucketStart("e.completed_at", bucket);
        String statement = "SELECT t.queue_name AS q, " + start + " AS b,"
                + " SUM(CASE WHEN e.status = 'succeeded' THEN 1 ELSE 0 END) AS ok,"
                + " SUM(CASE WHEN e.status IN " + FAILED + " THEN 1 ELSE 0 END) AS bad"
                + " FROM task_executions e JOIN tasks t ON t.id = e.task_id"
                + " WHERE e.organization_id = :org AND e.completed_at >= :since"
                + " AND e.status IN ('succeeded', 'failed', 'timed_out')"
                + " GROUP BY t.queue_name, " + start + " ORDER BY b, q";
        return db.withHandle(
                "analytics: throughput",
                h -> h.createQuery(statement)
                        .bind("org", org)
                        .bind("since", since)
                        .map((rs, ctx) -> {
                            long ok = rs.getLong("ok");
                            long bad = rs.getLong("bad");
                            return new ThroughputPoint(
                                    rs.getString("q"),
                                    Instant.parse(rs.getString("b")),
                                    ok,
                                    bad,
                                    ok + bad == 0 ? 0 : (double) bad / (ok + bad));
                        })
                        .list());
    }

    /** The most frequent errors of failed attempts (by their first 200 characters), at most {@code limit}. */
    public List<ErrorCount> topErrors(UUID org, Instant since, int limit) {
        String statement = "SELECT SUBSTR(e.error_message, 1, 200) AS m, COUNT(*) AS n, MAX(e.created_at) AS last"
                + " FROM task_executions e WHERE e.organization_id = :org AND e.created_at >= :since"
                + " AND e.status IN " + FAILED + " AND e.error_message IS NOT NULL"
                + " GROUP BY SUBSTR(e.error_message, 1, 200) ORDER BY n DESC, m LIMIT :limit";
        return db.withHandle(
                "analytics: top errors",
                h -> h.createQuery(statement)
                        .bind("org", org)
                        .bind("since", since)
                        .bind("limit", limit)
                        .map((rs, ctx) -> new ErrorCount(
                                rs.getString("m"),
                                rs.getLong("n"),
                                ctx.findColumnMapperFor(Instant.class)
                                        .orElseThrow()
                                        .map(rs, "last", ctx)))
                        .list());
    }
}
