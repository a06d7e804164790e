package dev.flowbase.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.store.TaskStatus;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestSql;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * {@link Queue#settle(List, ClaimRequest)}: the batch settled and the next tasks claimed in one
 * transaction; a stale report is still refused alone, and a failure of the database neither
 * applies the batch nor claims.
 */
class SettleAndClaimTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private Stores stores;
    private Queue queue;
    private UUID org;

    private void setUp(Database db) {
        Migrator.configure().database(db).load().migrate();
        stores = Stores.create(db);
        queue = Queue.create(db);
        org = stores.organizations().create("Acme", "acme").id();
    }

    private UUID enqueue(String name) {
        return queue.enqueue(NewTask.named(org, name).inQueue("next").withMaxRetries(0))
                .id();
    }

    private ClaimRequest next(int max) {
        return new ClaimRequest("next", org, max, "node-2", MINUTE);
    }

    @EngineTest
    void settlesThenClaimsTheNextTasksWhileAStaleReportIsRefusedAlone(Database db) {
        setUp(db);
        enqueue("done");
        enqueue("late");
        List<Lease> first = queue.claim("next", 2, "node-1", MINUTE);
        Lease done = first.stream()
                .filter(l -> l.task().name().equals("done"))
                .findFirst()
                .orElseThrow();
        Lease late = first.stream()
                .filter(l -> l.task().name().equals("late"))
                .findFirst()
                .orElseThrow();
        queue.release(late);
        UUID fresh = enqueue("fresh");

        SettleOutcome outcome = queue.settle(
                List.of(
                        SettleReport.succeeded(done.taskId(), done.attempt(), TaskOutcome.NONE),
                        SettleReport.succeeded(late.taskId(), late.attempt(), TaskOutcome.NONE)),
                next(5));

        assertThat(outcome.results()).extracting(SettleResult::applied).containsExactly(true, false);
        assertThat(outcome.results().get(1).refused()).isInstanceOf(StaleLeaseException.class);
        assertThat(outcome.claimed()).extracting(Lease::taskId).containsExactlyInAnyOrder(late.taskId(), fresh);
        assertThat(outcome.claimed()).allSatisfy(l -> assertThat(l.owner()).isEqualTo("node-2"));
        assertThat(stores.tasks().get(fresh).status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(queue.settle(List.of(), next(5)).claimed())
                .as("nothing left")
                .isEmpty();
    }

    @EngineTest
    void aFailureOfTheDatabaseAppliesNothingAndClaimsNothing(Database db) {
        setUp(db);
        enqueue("poison");
        Lease poison = queue.claim("next", 1, "node-1", MINUTE).getFirst();
        UUID waiting = enqueue("waiting");
        TestSql.exec(db, SettleTest.POISON.get(db.engine().id()).toArray(String[]::new));

        Throwable failed = catchThrowable(() -> queue.settle(
                List.of(SettleReport.succeeded(poison.taskId(), poison.attempt(), TaskOutcome.NONE)), next(5)));

        assertThat(failed).isNotNull();
        assertThat(stores.tasks().get(poison.taskId()).status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(stores.tasks().get(waiting).status())
                .as("the claim was rolled back with the batch")
                .isEqualTo(TaskStatus.READY);
    }
}
