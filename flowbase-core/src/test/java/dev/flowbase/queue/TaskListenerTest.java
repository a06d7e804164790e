package dev.flowbase.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.testing.EngineTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** The queue tells its listener every committed change, in the order it made them. */
class TaskListenerTest {
    @EngineTest
    void aTaskEnqueuedClaimedFailedOnceThenCompletedIsHeardInOrder(Database db) {
        Migrator.configure().database(db).load().migrate();
        UUID org = Stores.create(db).organizations().create("Acme", "acme").id();
        List<TaskChange> heard = new CopyOnWriteArrayList<>();
        Queue queue = Queue.create(db)
                .withBackoff(new Backoff(Duration.ZERO, Duration.ZERO))
                .withListener(heard::add);

        Task task = queue.enqueue(NewTask.named(org, "summarise").inQueue("llm"));
        Lease first = queue.claim("llm", 1, "w", Duration.ofMinutes(1)).get(0);
        queue.fail(first, "model timed out");
        Lease second = queue.claim("llm", 1, "w", Duration.ofMinutes(1)).get(0);
        queue.complete(second, TaskOutcome.NONE);

        assertThat(heard)
                .extracting(TaskChange::change)
                .containsExactly("enqueued", "claimed", "retrying", "claimed", "succeeded");
        assertThat(heard).extracting(TaskChange::taskId).containsOnly(task.id());
        assertThat(heard).extracting(TaskChange::organizationId).containsOnly(org);
        assertThat(heard).extracting(TaskChange::queue).containsOnly("llm");
        assertThat(heard.get(4).attempt()).isEqualTo(2);
    }
}
