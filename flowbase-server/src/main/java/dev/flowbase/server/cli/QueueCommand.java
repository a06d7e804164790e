package dev.flowbase.server.cli;

import dev.flowbase.Flowbase;
import dev.flowbase.cache.Shared;
import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.queue.Queue;
import dev.flowbase.queue.QueueCount;
import dev.flowbase.store.NotFoundException;
import dev.flowbase.store.PageRequest;
import dev.flowbase.store.Stores;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskFilter;
import dev.flowbase.store.TaskStatus;
import dev.flowbase.util.Printable;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flowbase queue …}: look at the queue and act on single tasks. */
@Command(
        name = "queue",
        description = "Inspect the task queue; requeue, cancel and purge tasks.",
        subcommands = {
            QueueCommand.Stats.class,
            QueueCommand.ListTasks.class,
            QueueCommand.Requeue.class,
            QueueCommand.Cancel.class,
            QueueCommand.Purge.class
        })
final class QueueCommand {

    private static Map<String, Object> describe(Task t) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", t.id().toString());
        doc.put("name", t.name());
        doc.put("queue", t.queueName());
        doc.put("status", name(t.status()));
        doc.put("attempt", t.attempt());
        doc.put("retryCount", t.retryCount());
        doc.put("runAt", String.valueOf(t.runAt()));
        doc.put("leaseOwner", t.leaseOwner());
        doc.put("errorMessage", t.errorMessage());
        return doc;
    }

    private static String name(TaskStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    @Command(name = "stats", description = "Tasks per queue and state.")
    static final class Stats extends BaseCommand {
        @Override
        public Integer call() {
            try (Database db = Database.openForOneCommand(config().database())) {
                List<QueueCount> counts = Queue.create(db).stats();
                if (json()) {
                    Output.json(
                            out(),
                            Map.of(
                                    "queues",
                                    counts.stream()
                                            .map(c -> Map.of(
                                                    "queue", c.queue(), "status", name(c.status()), "count", c.count()))
                                            .toList()));
                } else {
                    Output.table(
                            out(),
                            List.of("QUEUE", "STATUS", "TASKS"),
                            counts.stream()
                                    .map(c -> List.of(c.queue(), name(c.status()), String.valueOf(c.count())))
                                    .toList());
                }
            }
            return 0;
        }
    }

    @Command(name = "list", description = "The default organization's tasks, oldest first.")
    static final class ListTasks extends BaseCommand {
        @Option(names = "--queue", paramLabel = "NAME", description = "Only this queue.")
        String queue;

        @Option(names = "--status", paramLabel = "STATUS", description = "Only this state: pending, ready, running, …")
        String status;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N tasks (1-1000).")
        int limit;

        @Override
        public Integer call() {
            try (Database db = Database.openForOneCommand(config().database())) {
                Stores stores = Stores.create(db);
                UUID org = stores.organizations()
                        .findBySlug("default")
                        .orElseThrow(() -> new NotFoundException("organization", "default"))
                        .id();
                TaskFilter filter = TaskFilter.of(org).inQueue(queue);
                if (status != null) {
                    filter = filter.withStatus(parse(status));
                }
                List<Task> tasks =
                        stores.tasks().list(filter, PageRequest.first(limit)).items();
                if (json()) {
                    Output.json(
                            out(),
                            Map.of(
                                    "tasks",
                                    tasks.stream().map(QueueCommand::describe).toList()));
                } else {
                    Output.table(
                            out(),
                            List.of("ID", "NAME", "QUEUE", "STATUS", "ATTEMPT", "RUN AT"),
                            tasks.stream()
                                    .map(t -> List.of(
                                            t.id().toString(),
                                            t.name(),
                                            t.queueName(),
                                            name(t.status()),
                                            String.valueOf(t.attempt()),
                                            String.valueOf(t.runAt())))
                                    .toList());
                }
            }
            return 0;
        }

        private static TaskStatus parse(String text) {
            for (TaskStatus s : TaskStatus.values()) {
                if (s.name().equalsIgnoreCase(text)) {
                    return s;
                }
            }
            throw new FlowbaseException(
                    ErrorCode.INVALID_ARGUMENT,
                    "--status=" + text
                            + ": expected one of pending, ready, running, succeeded, failed, cancelled, dead");
        }
    }

    @Command(name = "requeue", description = "Put a failed or dead task back in its queue, runnable now.")
    static final class Requeue extends TaskAction {
        @Parameters(paramLabel = "TASK_ID")
        UUID id;

        @Override
        public Integer call() {
            try (Database db = Database.openForOneCommand(config().database());
                    Shared shared = Flowbase.shared(db, config())) { // the servers' clients hear it
                Task t = Queue.create(db).withEvents(shared.events()).requeue(id);
                print(t, "Requeued");
            }
            return 0;
        }
    }

    @Command(name = "cancel", description = "Cancel a task that has not finished; a running one loses its lease.")
    static final class Cancel extends TaskAction {
        @Parameters(paramLabel = "TASK_ID")
        UUID id;

        @Override
        public Integer call() {
            try (Database db = Database.openForOneCommand(config().database());
                    Shared shared = Flowbase.shared(db, config())) {
                print(Queue.create(db).withEvents(shared.events()).cancel(id), "Cancelled");
            }
            return 0;
        }
    }

    @Command(
            name = "purge",
            description = "Delete the succeeded and cancelled tasks of a queue that finished more than N days ago.")
    static final class Purge extends BaseCommand {
        @Option(names = "--queue", paramLabel = "NAME", required = true)
        String queue;

        @Option(names = "--older-than-days", paramLabel = "N", required = true, description = "0 or more.")
        int days;

        @Override
        public Integer call() {
            if (days < 0) {
                throw new FlowbaseException(
                        ErrorCode.INVALID_ARGUMENT, "--older-than-days=" + days + ": expected 0 or more");
            }
            try (Database db = Database.openForOneCommand(config().database())) {
                int purged = Queue.create(db).purge(queue, Instant.now().minus(Duration.ofDays(days)));
                if (json()) {
                    Output.json(out(), Map.of("queue", queue, "purged", purged));
                } else {
                    out().println("Purged " + purged + " finished task(s) of queue " + Printable.escape(queue) + ".");
                }
            }
            return 0;
        }
    }

    /** A command on one task that prints the task as it is afterwards. */
    abstract static class TaskAction extends BaseCommand {
        void print(Task t, String verb) {
            if (json()) {
                Output.json(out(), describe(t));
            } else {
                out().println(verb + " task " + t.id() + " (" + Printable.escape(t.name()) + "): it is "
                        + name(t.status()) + ".");
            }
        }
    }
}
