package dev.flowbase.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.store.ExecutionStatus;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.store.Workflow;
import dev.flowbase.testing.EngineTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The queue tells its listener once of each run that ended with its last task, after the commit,
 * as the run's row then says: also when the last tasks ended because a task above them died, and
 * never for a change the caller's transaction rolled back.
 */
class RunEndedTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final List<RunEnded> heard = new CopyOnWriteArrayList<>();
    private final List<String> changes = new CopyOnWriteArrayList<>();
    private Stores stores;
    private Queue queue;
    private UUID org;
    private UUID workflow;

    private void setUp(Database db) {
        Migrator.configure().database(db).load().migrate();
        stores = Stores.create(db);
        queue = Queue.create(db).withListener(new TaskListener() {
            @Override
            public void changed(TaskChange change) {
                changes.add(change.change());
            }

            @Override
            public void runEnded(RunEnded run) {
                changes.add("run " + run.status());
                heard.add(run);
            }
        });
        org = stores.organizations().create("Acme", "acme").id();
        workflow =
                stores.workflows().create(Workflow.New.named(org, "pipeline")).id();
    }

    private UUID run() {
        return stores.executions().startWorkflow(workflow, null, null).id();
    }

    private Task add(UUID run, String name, Task... parents) {
        NewTask task = NewTask.named(org, name).inQueue("q").inExecution(run).withMaxRetries(0);
        return queue.enqueue(task, List.of(parents).stream().map(Task::id).toList());
    }

    @EngineTest
    void aRunIsHeardEndedOnceWhenItsLastTaskSucceeds(Database db) {
        setUp(db);
        UUID run = run();
        add(run, "fetch");
        add(run, "summarise");

        queue.complete(queue.claim("q", 1, "w", MINUTE).get(0), TaskOutcome.NONE);
        int afterFirst = heard.size();
        queue.complete(queue.claim("q", 1, "w", MINUTE).get(0), TaskOutcome.NONE);

        assertThat(afterFirst).isZero();
        assertThat(heard).containsExactly(new RunEnded(run, org, workflow, null, ExecutionStatus.SUCCEEDED));
        assertThat(changes).endsWith("succeeded", "run SUCCEEDED");
        assertThat(stores.executions().getRun(run).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @EngineTest
    void aRunWhoseLastTasksAreSkippedBelowADeadOneIsHeardFailed(Database db) {
        setUp(db);
        UUID run = run();
        Task root = add(run, "root");
        add(run, "child", root);

        queue.fail(queue.claim("q", 1, "w", MINUTE).get(0), "the model refused");

        assertThat(heard)
                .extracting(RunEnded::run, RunEnded::status)
                .containsExactly(tuple(run, ExecutionStatus.FAILED));
    }

    @EngineTest
    void aRunEndedInATransactionThatRolledBackIsNotHeard(Database db) {
        setUp(db);
        UUID run = run();
        add(run, "only");
        Lease lease = queue.claim("q", 1, "w", MINUTE).get(0);

        try {
            stores.executeTransaction(s -> {
                queue.withStores(s).complete(lease, TaskOutcome.NONE);
                throw new IllegalStateException("the caller changes its mind");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }

        assertThat(heard).isEmpty();
        assertThat(stores.executions().getRun(run).status()).isEqualTo(ExecutionStatus.RUNNING);
    }
}
