package dev.flowbase.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.store.ExecutionStatus;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.NotFoundException;
import dev.flowbase.store.Stores;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskExecution;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.store.TaskStatus;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestSql;
import dev.flowbase.util.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@link Queue#settle}: a worker's batch of reports in one transaction. A stale report is refused
 * alone; a failure of the database applies none of the batch, so the worker can send it again.
 */
class SettleTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    /** A trigger that fails the write of one task's success, on each engine's own terms. */
    static final Map<String, List<String>> POISON = Map.of(
            "sqlite",
            List.of(
                    "CREATE TRIGGER poison BEFORE UPDATE OF status ON tasks"
                            + " WHEN NEW.name = 'poison' AND NEW.status = 'succeeded' BEGIN SELECT RAISE(ABORT, 'poisoned'); END"),
            "postgresql",
            List.of(
                    "CREATE FUNCTION poison() RETURNS trigger AS $$ BEGIN IF NEW.name = 'poison' AND"
                            + " NEW.status = 'succeeded' THEN RAISE EXCEPTION 'poisoned'; END IF; RETURN NEW; END $$"
                            + " LANGUAGE plpgsql",
                    "CREATE TRIGGER poison BEFORE UPDATE ON tasks FOR EACH ROW EXECUTE FUNCTION poison()"),
            "mariadb",
            List.of("CREATE TRIGGER poison BEFORE UPDATE ON tasks FOR EACH ROW BEGIN IF NEW.name = 'poison' AND"
                    + " NEW.status = 'succeeded' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'poisoned';"
                    + " END IF; END"));

    private Stores stores;
    private Queue queue;
    private UUID org;

    private void setUp(Database db) {
        Migrator.configure().database(db).load().migrate();
        stores = Stores.create(db);
        queue = Queue.create(db);
        org = stores.organizations().create("Acme", "acme").id();
    }

    private Map<String, Lease> claimAll(String... names) {
        for (String name : names) {
            queue.enqueue(NewTask.named(org, name).inQueue("settle").withMaxRetries(0));
        }
        return queue.claim("settle", names.length, "node-1", MINUTE).stream()
                .collect(Collectors.toMap(l -> l.task().name(), Function.identity()));
    }

    @EngineTest
    void aStaleReportIsRefusedAloneAndTheOthersAreAppliedWithTheirAttempts(Database db) {
        setUp(db);
        Map<String, Lease> leases = claimAll("done", "late", "broken");
        queue.release(leases.get("late"));

        List<SettleResult> results = queue.settle(List.of(
                SettleReport.succeeded(
                        leases.get("done").taskId(),
                        leases.get("done").attempt(),
                        TaskOutcome.result(Json.read("{\"pages\":3}"))),
                SettleReport.succeeded(
                        leases.get("late").taskId(), leases.get("late").attempt(), TaskOutcome.NONE),
                SettleReport.failed(
                        leases.get("broken").taskId(), leases.get("broken").attempt(), "model timed out")));

        assertThat(results).extracting(SettleResult::applied).containsExactly(true, false, true);
        assertThat(results.get(0).task().status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(results.get(1).refused()).isInstanceOf(StaleLeaseException.class);
        assertThat(results.get(2).task().status()).isEqualTo(TaskStatus.DEAD);
        assertThat(stores.tasks().get(leases.get("late").taskId()).status()).isEqualTo(TaskStatus.READY);
        assertThat(stores.executions().attempts(leases.get("broken").taskId()))
                .extracting(TaskExecution::status)
                .containsExactly(ExecutionStatus.FAILED);
        assertThat(queue.throughput())
                .extracting(c -> c.outcome() + " " + c.count())
                .containsExactlyInAnyOrder("SUCCEEDED 1", "DEAD 1");
    }

    @EngineTest
    void aFailureOfTheDatabaseMidBatchAppliesNoneOfIt(Database db) {
        setUp(db);
        Map<String, Lease> leases = claimAll("first", "poison");
        TestSql.exec(db, POISON.get(db.engine().id()).toArray(String[]::new));

        Throwable failed = catchThrowable(() -> queue.settle(List.of(
                SettleReport.succeeded(
                        leases.get("first").taskId(), leases.get("first").attempt(), TaskOutcome.NONE),
                SettleReport.succeeded(
                        leases.get("poison").taskId(), leases.get("poison").attempt(), TaskOutcome.NONE))));

        assertThat(failed).isNotNull();
        Task first = stores.tasks().get(leases.get("first").taskId());
        assertThat(first.status())
                .as("the first report was rolled back with the batch")
                .isEqualTo(TaskStatus.RUNNING);
        assertThat(stores.executions().attempts(first.id())).isEmpty();
        assertThat(queue.settle(List.of(SettleReport.succeeded(
                        leases.get("first").taskId(), leases.get("first").attempt(), TaskOutcome.NONE))))
                .as("the batch can be sent again")
                .extracting(SettleResult::applied)
                .containsExactly(true);
    }

    @EngineTest
    void aBatchKeepsEachTasksOwnOutcomeAndRefusesASecondReportOfOneAttempt(Database db) {
        setUp(db);
        Map<String, Lease> leases = claimAll("summarise", "translate");
        Lease summarise = leases.get("summarise");
        Lease translate = leases.get("translate");

        List<SettleResult> results = queue.settle(List.of(
                SettleReport.succeeded(
                        summarise.taskId(), summarise.attempt(), TaskOutcome.result(Json.read("{\"words\":120}"))),
                SettleReport.succeeded(
                        translate.taskId(), translate.attempt(), TaskOutcome.result(Json.read("{\"lang\":\"fr\"}"))),
                SettleReport.succeeded(summarise.taskId(), summarise.attempt(), TaskOutcome.NONE)));

        assertThat(results).extracting(SettleResult::applied).containsExactly(true, true, false);
        assertThat(results.get(2).refused()).isInstanceOf(StaleLeaseException.class);
        assertThat(results.get(0).task().result()).isEqualTo(Json.read("{\"words\":120}"));
        assertThat(results.get(1).task().result()).isEqualTo(Json.read("{\"lang\":\"fr\"}"));
        assertThat(stores.executions().attempts(summarise.taskId()))
                .extracting(TaskExecution::result)
                .containsExactly(Json.read("{\"words\":120}"));
        assertThat(stores.executions().attempts(translate.taskId()))
                .extracting(TaskExecution::result)
                .containsExactly(Json.read("{\"lang\":\"fr\"}"));
        assertThat(queue.throughput())
                .extracting(c -> c.outcome() + " " + c.count())
                .containsExactly("SUCCEEDED 2");
    }

    @EngineTest
    void aReportOfAnotherOrganizationsTaskIsNotFoundAndLeavesItsLeaseAlone(Database db) {
        setUp(db);
        Lease ours = claimAll("ours").get("ours");
        UUID other = stores.organizations().create("Globex", "globex").id();
        queue.enqueue(NewTask.named(other, "theirs").inQueue("theirs"));
        Lease theirs = queue.claim("theirs", 1, "node-2", MINUTE).getFirst();

        List<SettleResult> results = queue.withStores(stores.within(org))
                .settle(List.of(
                        SettleReport.succeeded(theirs.taskId(), theirs.attempt(), TaskOutcome.NONE),
                        SettleReport.succeeded(ours.taskId(), ours.attempt(), TaskOutcome.NONE)));

        assertThat(results).extracting(SettleResult::applied).containsExactly(false, true);
        assertThat(results.get(0).refused()).isInstanceOf(NotFoundException.class);
        assertThat(stores.tasks().get(theirs.taskId()).status()).isEqualTo(TaskStatus.RUNNING);
    }
}
