package dev.flowbase.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.store.ExecutionStatus;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.store.TaskStatus;
import dev.flowbase.store.Workflow;
import dev.flowbase.store.WorkflowExecution;
import dev.flowbase.testing.EngineTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Workflows as DAGs on the queue: a child runs once every parent succeeded, a parent that will not
 * succeed skips everything below it, and a run's counters are exact at every step and end it.
 */
class DagTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private Stores stores;
    private Queue queue;
    private UUID org;
    private UUID run;

    private void setUp(Database db) {
        Migrator.configure().database(db).load().migrate();
        stores = Stores.create(db);
        queue = Queue.create(db);
        org = stores.organizations().create("Acme", "acme").id();
        Workflow flow = stores.workflows().create(Workflow.New.named(org, "pipeline"));
        run = stores.executions().startWorkflow(flow.id(), null, null).id();
    }

    private Task add(String name, Task... parents) {
        NewTask task = NewTask.named(org, name).inQueue("dag").inExecution(run).withMaxRetries(0);
        return queue.enqueue(task, List.of(parents).stream().map(Task::id).toList());
    }

    private List<String> claimable() {
        List<Lease> leases = queue.claim("dag", 100, "probe", MINUTE);
        leases.forEach(queue::release);
        return leases.stream().map(l -> l.task().name()).sorted().toList();
    }

    private Lease claim(String name) {
        List<Lease> leases = queue.claim("dag", 100, "w", MINUTE);
        Lease wanted = leases.stream()
                .filter(l -> l.task().name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not claimable"));
        leases.stream().filter(l -> l != wanted).forEach(queue::release);
        return wanted;
    }

    private WorkflowExecution progress() {
        return stores.executions().getRun(run);
    }

    @EngineTest
    void aDiamondRunsItsJoinOnlyAfterBothBranchesAndTheRunEndsWithItsLastTask(Database db) {
        setUp(db);
        Task top = add("top");
        Task left = add("left", top);
        Task right = add("right", top);
        add("join", left, right);

        assertThat(progress().tasksTotal()).isEqualTo(4);
        assertThat(progress().status()).isEqualTo(ExecutionStatus.QUEUED);
        assertThat(claimable()).containsExactly("top");

        queue.complete(claim("top"), TaskOutcome.NONE);
        assertThat(progress().status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(progress().tasksSucceeded()).isEqualTo(1);
        assertThat(claimable()).containsExactly("left", "right");

        queue.complete(claim("left"), TaskOutcome.NONE);
        assertThat(claimable()).containsExactly("right");
        assertThat(progress().percentDone()).isEqualTo(50.0);

        queue.complete(claim("right"), TaskOutcome.NONE);
        assertThat(claimable()).containsExactly("join");
        assertThat(progress().status()).isEqualTo(ExecutionStatus.RUNNING);

        queue.complete(claim("join"), TaskOutcome.NONE);
        WorkflowExecution done = progress();
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.tasksSucceeded()).isEqualTo(4);
        assertThat(done.tasksOpen()).isZero();
        assertThat(done.completedAt()).isNotNull();
        assertThat(claimable()).isEmpty();
    }

    @EngineTest
    void aFanInWhoseParentsAllEndInOneBatchIsReleasedOnce(Database db) {
        setUp(db);
        Task root = add("root");
        List<Task> fan = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fan.add(add("fan-" + i, root));
        }
        add("gather", fan.toArray(Task[]::new));
        queue.complete(claim("root"), TaskOutcome.NONE);

        List<Lease> wave = queue.claim("dag", 100, "w", MINUTE);
        assertThat(wave).hasSize(5);
        assertThat(queue.completeAll(wave)).isEqualTo(5);

        assertThat(claimable()).containsExactly("gather");
        assertThat(progress().tasksSucceeded()).isEqualTo(6);
        assertThat(progress().tasksOpen()).isEqualTo(1);
    }

    @EngineTest
    void aDeadTaskSkipsEveryTaskBelowItAndTheRunFails(Database db) {
        setUp(db);
        Task root = add("root");
        Task doomed = add("doomed", root);
        Task sibling = add("sibling", root);
        Task child = add("child", doomed);
        Task grandchild = add("grandchild", child);
        Task joint = add("joint", doomed, sibling);
        queue.complete(claim("root"), TaskOutcome.NONE);

        queue.fail(claim("doomed"), "the model refused");

        for (Task skipped : List.of(child, grandchild, joint)) {
            Task now = stores.tasks().get(skipped.id());
            assertThat(now.status()).as(skipped.name()).isEqualTo(TaskStatus.CANCELLED);
            assertThat(now.errorMessage())
                    .contains("skipped")
                    .contains(doomed.id().toString())
                    .contains("dead");
        }
        assertThat(stores.tasks().get(doomed.id()).status()).isEqualTo(TaskStatus.DEAD);
        assertThat(claimable()).containsExactly("sibling");
        assertThat(progress().status()).isEqualTo(ExecutionStatus.RUNNING);

        queue.complete(claim("sibling"), TaskOutcome.NONE);

        WorkflowExecution ended = progress();
        assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(ended.tasksSucceeded()).isEqualTo(2);
        assertThat(ended.tasksFailed()).isEqualTo(1);
        assertThat(ended.tasksCancelled()).isEqualTo(3);
    }

    @EngineTest
    void aChildAddedAfterItsParentSucceededIsReadyAtOnceAndOneAddedBelowADeadTaskIsSkipped(Database db) {
        setUp(db);
        Task parent = add("parent");
        Task loser = add("loser");
        queue.complete(claim("parent"), TaskOutcome.NONE);
        queue.fail(claim("loser"), "no");

        Task late = add("late", parent);
        Task orphan = add("orphan", loser);

        assertThat(late.status()).isEqualTo(TaskStatus.READY);
        assertThat(orphan.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(claimable()).containsExactly("late");
    }

    @EngineTest
    void cancellingATaskSkipsItsChildrenAndCountsBoth(Database db) {
        setUp(db);
        Task first = add("first");
        add("second", first);

        queue.cancel(first.id());

        assertThat(claimable()).isEmpty();
        WorkflowExecution ended = progress();
        assertThat(ended.tasksCancelled()).isEqualTo(2);
        assertThat(ended.status()).isEqualTo(ExecutionStatus.CANCELLED);
    }
}
