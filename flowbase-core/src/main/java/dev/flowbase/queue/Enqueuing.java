package dev.flowbase.queue;

import dev.flowbase.db.Database;
import dev.flowbase.store.ConstraintViolationException;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.store.Task;
import dev.flowbase.util.Uuids;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Adding tasks: one (with its parents and an idempotency key) or many in bulk, with the rules every
 * caller gets (the references in the caller's organization, the key's earlier task returned, the
 * audit row), then the wake-ups: on commit for other processes (NOTIFY) and at once for this one's.
 */
final class Enqueuing {
    /** The unique index an idempotency key used twice in a queue runs into. */
    private static final String KEY_INDEX = "uq_tasks_organization_queue_idempotency_key";

    private final Database db;
    private final Stores stores;
    private final TaskRows rows;
    private final Wakeups wakeups;
    private final Fallback fallback;

    Enqueuing(Database db, Stores stores, TaskRows rows, Wakeups wakeups, Fallback fallback) {
        this.db = db;
        this.stores = stores;
        this.rows = rows;
        this.wakeups = wakeups;
        this.fallback = fallback;
    }

    /**
     * Adds the task to the primary; while the primary is unreachable, to the fallback's outbox when
     * there is one. The id is chosen before either, so that a write whose fate the primary never
     * told (a connection lost at commit) is not added twice when the outbox is replayed.
     */
    EnqueueOutcome enqueue(NewTask task, Collection<UUID> dependsOn) {
        Instant now = stores.clock().instant();
        UUID id = Uuids.v7(now);
        boolean outermost = db.jdbi().getHandleScope().get() == null;
        try {
            return onPrimary(id, task, dependsOn);
        } catch (RuntimeException e) {
            // Inside a caller's transaction the task is part of it: that transaction fails as a whole.
            if (!fallback.configured() || !outermost || !Outages.unreachable(db, e)) {
                throw e;
            }
            try {
                return fallback.accept(id, task, List.copyOf(dependsOn), now);
            } catch (RuntimeException f) {
                throw fallback.refusalOfBoth(f, e, db);
            }
        }
    }

    /** Writes a task from the fallback's outbox with the id its caller was given, unless the primary has it already. */
    EnqueueOutcome replay(UUID id, NewTask task, List<UUID> dependsOn) {
        Task there = stores.tasks().find(List.of(id)).get(id);
        if (there != null) {
            return new EnqueueOutcome(there, false);
        }
        try {
            return onPrimary(id, task, dependsOn);
        } catch (ConstraintViolationException e) {
            Task raced = stores.tasks().find(List.of(id)).get(id);
            if (raced == null) {
                throw e;
            }
            return new EnqueueOutcome(raced, false);
        }
    }

    private EnqueueOutcome onPrimary(UUID id, NewTask task, Collection<UUID> dependsOn) {
        Optional<Task> existing = byKey(task);
        if (existing.isPresent()) {
            return new EnqueueOutcome(existing.get(), false);
        }
        try {
            Task added = write(s -> {
                s.tasks().requireReferences(task, dependsOn);
                return db.inTransaction("Enqueueing " + task.name(), h -> {
                    Task t = rows.insert(h, id, task, dependsOn);
                    s.audit().record(t.organizationId(), "task.create", "task", t.id(), null, t);
                    return t;
                });
            });
            wakeups.wake(task.queueName());
            return new EnqueueOutcome(added, true);
        } catch (ConstraintViolationException e) {
            // Another producer enqueued the same key in between: theirs stands.
            if (task.idempotencyKey() != null && KEY_INDEX.equals(e.constraint())) {
                return new EnqueueOutcome(byKey(task).orElseThrow(() -> e), false);
            }
            throw e;
        }
    }

    /** Adds many tasks without dependencies in one transaction, with one audit row per organization. */
    int enqueueAll(List<NewTask> tasks) {
        if (tasks.isEmpty()) {
            return 0;
        }
        List<String> queues = tasks.stream().map(NewTask::queueName).distinct().toList();
        int added = write(s -> {
            s.tasks().requireReferences(tasks);
            return db.inTransaction("Enqueueing " + tasks.size() + " tasks", h -> {
                int n = rows.insertAll(h, tasks);
                // A batch is written in bulk, without a row per task: one audit row says how many.
                Map<UUID, Long> perOrganization =
                        tasks.stream().collect(Collectors.groupingBy(NewTask::organizationId, Collectors.counting()));
                perOrganization.forEach((org, count) ->
                        s.audit().record(org, "task.batch_create", "task", null, null, Map.of("tasks", count)));
                return n;
            });
        });
        queues.forEach(wakeups::wake);
        return added;
    }

    private Optional<Task> byKey(NewTask task) {
        return task.idempotencyKey() == null
                ? Optional.empty()
                : stores.tasks().findByIdempotencyKey(task.organizationId(), task.queueName(), task.idempotencyKey());
    }

    /** In the stores' transaction, so failures are worded as every store's are. */
    private <T> T write(Function<Stores, T> work) {
        return stores.executeTransaction(work);
    }
}
