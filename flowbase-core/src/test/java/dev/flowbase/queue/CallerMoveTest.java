package dev.flowbase.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.store.Actor;
import dev.flowbase.store.AuditEntry;
import dev.flowbase.store.ExecutionStatus;
import dev.flowbase.store.InvalidTransitionException;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.PageRequest;
import dev.flowbase.store.Stores;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskExecution;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.store.TaskStatus;
import dev.flowbase.store.Workflow;
import dev.flowbase.store.WorkflowExecution;
import dev.flowbase.testing.EngineTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A caller's move ({@link Queue#move}, behind {@code POST /api/tasks/{id}/status}) goes through the
 * same table as a worker's: a running task moved by a call loses its lease, its attempt is written,
 * the run's counters and the throughput count it, and the move is audited as the caller.
 */
class CallerMoveTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private Stores stores;
    private Queue queue;
    private UUID org;
    private UUID run;

    private void setUp(Database db) {
        Migrator.configure().database(db).load().migrate();
        stores = Stores.create(db);
        org = stores.organizations().create("Acme", "acme").id();
        queue = Queue.create(db).withStores(stores.as(Actor.system("test")));
        Workflow flow = stores.workflows().create(Workflow.New.named(org, "pipeline"));
        run = stores.executions().startWorkflow(flow.id(), null, null).id();
    }

    @EngineTest
    void aRunningTaskFailedByACallWritesItsAttemptAndTheRunsCountersAndLosesItsLease(Database db) {
        setUp(db);
        Task t = queue.enqueue(NewTask.named(org, "call me").inQueue("calls").inExecution(run));
        Lease lease = queue.claim("calls", 1, "worker-9", MINUTE).getFirst();

        Task failed = queue.move(t.id(), TaskStatus.FAILED, TaskOutcome.error("stopped by an operator"));

        assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(failed.leaseOwner()).isNull();
        List<TaskExecution> attempts = stores.executions().attempts(t.id());
        assertThat(attempts).hasSize(1);
        assertThat(attempts.getFirst().status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(attempts.getFirst().worker()).isEqualTo("worker-9");
        assertThat(attempts.getFirst().errorMessage()).isEqualTo("stopped by an operator");
        WorkflowExecution ended = stores.executions().getRun(run);
        assertThat(ended.tasksFailed()).isEqualTo(1);
        assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(queue.throughput())
                .extracting(c -> c.queue() + " " + c.outcome() + " " + c.count())
                .containsExactly("calls FAILED 1");
        var late = catchThrowableOfType(StaleLeaseException.class, () -> queue.complete(lease, TaskOutcome.NONE));
        assertThat(late).isNotNull();
        assertThat(stores.audit()
                        .forEntity("task", t.id().toString(), PageRequest.first())
                        .items())
                .extracting(AuditEntry::action)
                .contains("task.create", "task.status");
    }

    @EngineTest
    void aCallNeverMakesATaskRunningAndARequeueCountsTheTaskOpenAgain(Database db) {
        setUp(db);
        Task t = queue.enqueue(
                NewTask.named(org, "again").inQueue("calls").inExecution(run).withMaxRetries(0));
        var refused =
                catchThrowableOfType(InvalidTransitionException.class, () -> queue.move(t.id(), TaskStatus.RUNNING));
        Lease lease = queue.claim("calls", 1, "w", MINUTE).getFirst();
        queue.fail(lease, "boom");
        int failedBefore = stores.executions().getRun(run).tasksFailed();

        Task requeued = queue.requeue(t.id());

        assertThat(refused.getMessage()).contains("only a worker's claim makes a task running");
        assertThat(failedBefore).isEqualTo(1);
        assertThat(requeued.status()).isEqualTo(TaskStatus.READY);
        assertThat(stores.executions().getRun(run).tasksFailed()).isZero();
        assertThat(queue.claim("calls", 1, "w", MINUTE))
                .extracting(Lease::taskId)
                .containsExactly(t.id());
    }
}
