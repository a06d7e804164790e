package dev.flowbase.queue;

import dev.flowbase.store.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * What the end of a task does to the tasks that depend on it. A child keeps the number of its
 * parents that have not succeeded ({@code tasks.pending_parents}): each success counts it down
 * and a child at zero becomes ready, without looking at its other parents. A parent that will
 * not succeed (dead or cancelled) skips every task below it: they end cancelled, the reason
 * naming that parent, as Airflow's {@code upstream_failed}.
 */
final class Dag {
    private Dag() {}

    /** Counts the children of these succeeded tasks down; the ones left waiting for nothing become ready. */
    static void succeeded(Handle h, Collection<UUID> parents, Instant now) {
        Map<UUID, Integer> children = new HashMap<>();
        for (List<UUID> ids : ReadySet.chunks(parents)) {
            h.createQuery("SELECT task_id, COUNT(*) AS n FROM task_dependencies WHERE depends_on_task_id IN (<ids>)"
                            + " GROUP BY task_id")
                    .bindList("ids", ids)
                    .map((rs, ctx) -> Map.entry(
                            ctx.findColumnMapperFor(UUID.class).orElseThrow().map(rs, 1, ctx), rs.getInt(2)))
                    .forEach(e -> children.merge(e.getKey(), e.getValue(), Integer::sum));
        }
        if (children.isEmpty()) {
            return;
        }
        Map<Integer, List<UUID>> byCount = new HashMap<>();
        children.forEach(
                (child, n) -> byCount.computeIfAbsent(n, k -> new ArrayList<>()).add(child));
        for (var e : byCount.entrySet()) {
            for (List<UUID> ids : ReadySet.chunks(e.getValue())) {
                h.createUpdate("UPDATE tasks SET pending_parents = pending_parents - :n, updated_at = :now"
                                + " WHERE id IN (<ids>) AND status = :pending AND pending_parents >= :n")
                        .bind("now", now)
                        .bind("pending", TaskStatus.PENDING)
                        .bind("n", e.getKey())
                        .bindList("ids", ids)
                        .execute();
            }
        }
        List<UUID> ready = new ArrayList<>();
        for (List<UUID> ids : ReadySet.chunks(children.keySet())) {
            ready.addAll(h.createQuery(
                            "SELECT id FROM tasks WHERE id IN (<ids>) AND status = :pending AND pending_parents = 0")
                    .bind("pending", TaskStatus.PENDING)
                    .bindList("ids", ids)
                    .mapTo(UUID.class)
                    .list());
        }
        for (List<UUID> ids : ReadySet.chunks(ready)) {
            h.createUpdate("UPDATE tasks SET status = :ready, lock_version = lock_version + 1, updated_at = :now"
                            + " WHERE id IN (<ids>)")
                    .bind("ready", TaskStatus.READY)
                    .bind("now", now)
                    .bindList("ids", ids)
                    .execute();
        }
        ReadySet.add(h, ready);
    }

    /**
     * Ends every unfinished task below {@code parent} as cancelled, naming it as the reason.
     * Returns the runs that ended with it.
     */
    static List<RunEnded> skipDescendants(Handle h, UUID parent, TaskStatus parentStatus, Instant now) {
        String why = reason(parent, parentStatus);
        List<RunEnded> ended = new ArrayList<>();
        List<UUID> level = List.of(parent);
        while (!level.isEmpty()) {
            List<Skipped> next = new ArrayList<>();
            for (List<UUID> ids : ReadySet.chunks(level)) {
                next.addAll(h.createQuery(
                                "SELECT DISTINCT t.id, t.workflow_execution_id, t.status FROM task_dependencies d"
                                        + " JOIN tasks t ON t.id = d.task_id WHERE d.depends_on_task_id IN (<ids>)"
                                        + " AND t.status IN (:pending, :ready)")
                        .bind("pending", TaskStatus.PENDING)
                        .bind("ready", TaskStatus.READY)
                        .bindList("ids", ids)
                        .map((rs, ctx) -> new Skipped(
                                ctx.findColumnMapperFor(UUID.class)
                                        .orElseThrow()
                                        .map(rs, 1, ctx),
                                ctx.findColumnMapperFor(UUID.class)
                                        .orElseThrow()
                                        .map(rs, 2, ctx),
                                TaskStatus.valueOf(rs.getString(3).toUpperCase(Locale.ROOT))))
                        .list());
            }
            Map<UUID, Skipped> unique = new LinkedHashMap<>();
            next.forEach(s -> unique.putIfAbsent(s.id(), s));
            List<UUID> ids = List.copyOf(unique.keySet());
            for (List<UUID> chunk : ReadySet.chunks(ids)) {
                h.createUpdate("UPDATE tasks SET status = :cancelled, error_message = :why, completed_at = :now,"
                                + " lock_version = lock_version + 1, updated_at = :now WHERE id IN (<ids>)")
                        .bind("cancelled", TaskStatus.CANCELLED)
                        .bind("why", why)
                        .bind("now", now)
                        .bindList("ids", chunk)
                        .execute();
            }
            ReadySet.remove(h, ids);
            ended.addAll(RunCounters.record(
                    h,
                    unique.values().stream()
                            .map(s -> new RunCounters.Move(s.run(), s.status(), TaskStatus.CANCELLED))
                            .toList(),
                    now));
            level = ids;
        }
        return ended;
    }

    /** The error message of a task skipped because {@code parent} ended {@code status}. */
    static String reason(UUID parent, TaskStatus status) {
        return "skipped: task " + parent + ", which it depends on, is "
                + status.name().toLowerCase(Locale.ROOT);
    }

    private record Skipped(UUID id, UUID run, TaskStatus status) {}
}
