package dev.flowbase.queue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.flowbase.db.Database;
import dev.flowbase.engine.EngineKit;
import dev.flowbase.store.NewTask;
import dev.flowbase.util.Json;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The table on the fallback database that holds new tasks while the primary is unreachable, in the
 * order they were accepted. Ids are text and times ISO text, so that one set of statements works on
 * every engine; the table is created by the first use rather than by a migration, since the
 * fallback holds nothing else of Flowbase's.
 */
final class Outbox {
    /** A task waiting in the outbox: its place, the id the caller was given, and what it asked for. */
    record Row(long seq, UUID taskId, NewTask task, List<UUID> dependsOn) {}

    private static final String COLUMNS = "seq, task_id, body, depends_on";

    private static final TypeReference<List<UUID>> PARENTS = new TypeReference<>() {};

    private final Database db;

    Outbox(Database db) {
        this.db = db;
    }

    Database database() {
        return db;
    }

    void prepare() {
        OutboxSql sql = EngineKit.of(db.engine()).part(OutboxSql.class);
        db.execute(
                "Preparing the fallback's outbox",
                "CREATE TABLE IF NOT EXISTS flowbase_outbox (" + sql.sequenceColumn() + ","
                        + " task_id VARCHAR(36) NOT NULL, organization_id VARCHAR(36) NOT NULL,"
                        + " queue_name VARCHAR(100) NOT NULL, idempotency_key VARCHAR(255),"
                        + " body " + sql.longText() + " NOT NULL, depends_on TEXT NOT NULL,"
                        + " accepted_at VARCHAR(40) NOT NULL, rejected TEXT)",
                "CREATE UNIQUE INDEX IF NOT EXISTS uq_flowbase_outbox_task ON flowbase_outbox (task_id)",
                "CREATE UNIQUE INDEX IF NOT EXISTS uq_flowbase_outbox_key"
                        + " ON flowbase_outbox (organization_id, queue_name, idempotency_key)");
    }

    void add(UUID id, NewTask task, List<UUID> dependsOn, Instant at) {
        db.withHandle(
                "Keeping task " + id + " in the fallback's outbox",
                h -> h.createUpdate("INSERT INTO flowbase_outbox (task_id, organization_id, queue_name,"
                                + " idempotency_key, body, depends_on, accepted_at)"
                                + " VALUES (:id, :org, :queue, :key, :body, :parents, :at)")
                        .bind("id", id.toString())
                        .bind("org", task.organizationId().toString())
                        .bind("queue", task.queueName())
                        .bind("key", task.idempotencyKey())
                        .bind("body", Json.write(task))
                        .bind("parents", Json.write(dependsOn))
                        .bind("at", at.toString())
                        .execute());
    }

    /** The id of the task accepted earlier with the same idempotency key in the same queue, if any. */
    Optional<UUID> byKey(NewTask task) {
        if (task.idempotencyKey() == null) {
            return Optional.empty();
        }
        return db.withHandle(
                "Finding an idempotency key in the fallback's outbox",
                h -> h.createQuery("SELECT task_id FROM flowbase_outbox WHERE organization_id = :org"
                                + " AND queue_name = :queue AND idempotency_key = :key")
                        .bind("org", task.organizationId().toString())
                        .bind("queue", task.queueName())
                        .bind("key", task.idempotencyKey())
                        .mapTo(String.class)
                        .findOne()
                        .map(UUID::fromString));
    }

    /** The first {@code max} tasks still to replay, in the order they were accepted. */
    List<Row> next(int max) {
        return db.withHandle(
                "Reading the fallback's outbox",
                h -> h.createQuery("SELECT " + COLUMNS + " FROM flowbase_outbox WHERE rejected IS NULL"
                                + " ORDER BY seq LIMIT :max")
                        .bind("max", max)
                        .map((rs, ctx) -> new Row(
                                rs.getLong(1),
                                UUID.fromString(rs.getString(2)),
                                Json.MAPPER.convertValue(Json.read(rs.getString(3)), NewTask.class),
                                Json.MAPPER.convertValue(Json.read(rs.getString(4)), PARENTS)))
                        .list());
    }

    void delete(long seq) {
        db.withHandle(
                "Deleting a replayed task from the fallback's outbox",
                h -> h.createUpdate("DELETE FROM flowbase_outbox WHERE seq = :seq")
                        .bind("seq", seq)
                        .execute());
    }

    /** Keeps a task the primary refused (a reference gone meanwhile) for inspection, out of the replay's way. */
    void reject(long seq, String why) {
        db.withHandle(
                "Setting aside a refused task in the fallback's outbox",
                h -> h.createUpdate("UPDATE flowbase_outbox SET rejected = :why WHERE seq = :seq")
                        .bind("why", why)
                        .bind("seq", seq)
                        .execute());
    }

    /** How many tasks wait to be replayed, and how many the primary refused. */
    long[] counts() {
        return db.withHandle(
                "Counting the fallback's outbox",
                h -> h.createQuery("SELECT COUNT(*) - COUNT(rejected), COUNT(rejected) FROM flowbase_outbox")
                        .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                        .one());
    }
}
