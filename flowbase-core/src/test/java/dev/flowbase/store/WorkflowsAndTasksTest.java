package dev.flowbase.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.util.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

class WorkflowsAndTasksTest {

    @EngineTest
    void anUpdateFromAStaleReadIsAConflictNamingBothVersions(Database db) {
        var f = new StoreFixture(db);
        Workflow read = f.workflow("nightly");

        Workflow saved = f.stores.workflows().update(read.withDescription("first"));
        var stale = catchThrowableOfType(
                ConflictException.class, () -> f.stores.workflows().update(read.withDescription("second")));

        assertThat(saved.lockVersion()).isEqualTo(2);
        assertThat(stale.getMessage())
                .isEqualTo("workflow " + read.id() + " was changed by someone else: expected lock_version 1, it is"
                        + " now 2");
        assertThat(stale.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(f.stores.workflows().get(read.id()).description()).isEqualTo("first");
    }

    @EngineTest
    void publishedVersionsStayReadableAndARunPinsTheVersionItStartedWith(Database db) {
        var f = new StoreFixture(db);
        Workflow w = f.workflow("report");
        JsonNode v1 = Json.read("{\"steps\": [\"fetch\"]}");
        JsonNode v2 = Json.read("{\"steps\": [\"fetch\", \"summarise\"]}");

        f.stores.workflows().update(w.withDefinition(v1));
        f.stores.workflows().publish(w.id(), "first", null);
        WorkflowExecution run = f.stores.executions().startWorkflow(w.id(), null, null);
        f.stores.workflows().update(f.stores.workflows().get(w.id()).withDefinition(v2));
        f.stores.workflows().publish(w.id(), "second", null);

        assertThat(run.workflowVersion()).isEqualTo(1);
        assertThat(f.stores.executions().getRun(run.id()).workflowVersion()).isEqualTo(1);
        assertThat(f.stores.workflows().version(w.id(), 1).definition()).isEqualTo(v1);
        assertThat(f.stores.workflows().version(w.id(), 2).definition()).isEqualTo(v2);
        assertThat(f.stores.workflows().get(w.id()).version()).isEqualTo(2);
        assertThat(f.stores.workflows().versions(w.id()))
                .extracting(WorkflowVersion::changeNote)
                .containsExactly("first", "second");
    }

    @EngineTest
    void onlyActiveWorkflowsAreActive(Database db) {
        var f = new StoreFixture(db);
        Workflow a = f.workflow("a");
        f.workflow("b");
        f.stores.workflows().update(a.withStatus(Workflow.Status.ACTIVE));

        assertThat(f.stores.workflows().getActiveWorkflows(f.org))
                .extracting(Workflow::name)
                .containsExactly("a");
        assertThat(f.stores
                        .workflows()
                        .list(f.org, Workflow.Status.DRAFT, PageRequest.first())
                        .items())
                .extracting(Workflow::name)
                .containsExactly("b");
    }

    @EngineTest
    void aTaskBecomesRunnableWhenEveryTaskItDependsOnSucceeded(Database db) {
        var f = new StoreFixture(db);
        Workflow w = f.workflow("dag");
        Task plan = f.queue.enqueue(f.task("plan").inWorkflow(w.id()));
        Task code = f.queue.enqueue(f.task("code").inWorkflow(w.id()), List.of(plan.id()));
        Task review = f.queue.enqueue(f.task("review").inWorkflow(w.id()), List.of(code.id()));

        assertThat(f.stores.tasks().getRunnableTasks(w.id()))
                .extracting(Task::name)
                .containsExactly("plan");
        f.queue.complete(f.claim(plan), TaskOutcome.result(Json.read("{\"ok\":1}")));

        assertThat(f.stores.tasks().getRunnableTasks(w.id()))
                .extracting(Task::name)
                .containsExactly("code");
        assertThat(code.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(f.stores.tasks().dependencies(review.id()))
                .extracting(TaskDependency::dependsOnTaskId)
                .containsExactly(code.id());
        WorkflowWithTasks whole = f.stores.workflows().getWithTasks(w.id());
        assertThat(whole.tasks()).extracting(Task::name).containsExactlyInAnyOrder("plan", "code", "review");
        assertThat(whole.dependencies()).hasSize(2);
        assertThat(f.stores.tasks().get(plan.id()).result()).isEqualTo(Json.read("{\"ok\":1}"));
    }

    @EngineTest
    void anIllegalStatusChangeIsRefusedNamingBothStates(Database db) {
        var f = new StoreFixture(db);
        Task t = f.queue.enqueue(f.task("once"));
        f.queue.complete(f.claim(t), TaskOutcome.NONE);

        var refused =
                catchThrowableOfType(InvalidTransitionException.class, () -> f.queue.move(t.id(), TaskStatus.RUNNING));

        assertThat(refused.getMessage())
                .isEqualTo("task " + t.id() + " cannot go from succeeded to running (from"
                        + " succeeded it may go to [])");
        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_TRANSITION);
        assertThat(f.stores.tasks().get(t.id()).status()).isEqualTo(TaskStatus.SUCCEEDED);
    }

    @EngineTest
    void aFailedTaskIsRequeuedRunnableNowWithItsRetriesRestored(Database db) {
        var f = new StoreFixture(db);
        Task t = f.queue.enqueue(f.task("flaky"));
        f.claim(t);
        f.queue.move(t.id(), TaskStatus.FAILED, TaskOutcome.error("timeout calling the model"));
        f.clock.advance(Duration.ofMinutes(10));

        Task requeued = f.queue.requeue(t.id());
        var notFailed = catchThrowableOfType(InvalidTransitionException.class, () -> f.queue.requeue(t.id()));

        assertThat(requeued.status()).isEqualTo(TaskStatus.READY);
        assertThat(requeued.errorMessage()).isNull();
        assertThat(requeued.runAt()).isEqualTo(f.clock.instant());
        assertThat(notFailed.getMessage()).contains("cannot be requeued from ready");
    }

    @EngineTest
    void progressCountsTasksByStateAndTheShareFinished(Database db) {
        var f = new StoreFixture(db);
        Workflow w = f.workflow("progress");
        for (int i = 0; i < 4; i++) {
            Task t = f.queue.enqueue(f.task("t" + i).inWorkflow(w.id()));
            if (i == 0) {
                f.queue.complete(f.claim(t), TaskOutcome.NONE);
            }
        }

        WorkflowProgress p = f.stores.tasks().getWorkflowProgress(w.id());

        assertThat(p.total()).isEqualTo(4);
        assertThat(p.byStatus()).isEqualTo(Map.of(TaskStatus.SUCCEEDED, 1L, TaskStatus.READY, 3L));
        assertThat(p.percentDone()).isEqualTo(25.0);
    }

    @EngineTest
    void aRolledBackTransactionLeavesNothing(Database db) {
        var f = new StoreFixture(db);
        Workflow w = f.workflow("atomic");
        int tasksBefore = f.count("tasks");

        var failure = catchThrowableOfType(
                ConstraintViolationException.class,
                () -> f.stores.executeTransaction(s -> {
                    f.queue
                            .withStores(s)
                            .enqueue(f.task("one").inWorkflow(w.id()).withIdempotencyKey("k"));
                    s.workflows().update(w.withDescription("changed"));
                    f.queue.withStores(s).enqueue(f.task("two").inWorkflow(w.id()));
                    // The queue answers a key used twice with its first task, so a slug used twice fails it.
                    return s.organizations().create("Acme again", "acme");
                }));

        assertThat(failure.constraint()).isEqualTo("uq_organizations_slug");
        assertThat(f.count("tasks")).isEqualTo(tasksBefore);
        assertThat(f.stores.workflows().get(w.id()).description()).isNull();
    }

    @EngineTest
    void aKeysetPageStaysStableWhileRowsAreInserted(Database db) {
        var f = new StoreFixture(db);
        for (int i = 0; i < 25; i++) {
            f.queue.enqueue(f.task("t" + i));
            f.clock.advance(Duration.ofMillis(1));
        }
        TaskFilter all = TaskFilter.of(f.org);

        Page<Task> first = f.stores.tasks().list(all, PageRequest.first(10));
        for (int i = 0; i < 5; i++) {
            f.queue.enqueue(f.task("late" + i));
        }
        var names = new ArrayList<String>();
        first.items().forEach(t -> names.add(t.name()));
        for (Page<Task> p = first; p.next().isPresent(); ) {
            p = f.stores.tasks().list(all, PageRequest.first(10).after(p.nextCursor()));
            p.items().forEach(t -> names.add(t.name()));
        }

        assertThat(names).hasSize(30).doesNotHaveDuplicates();
        assertThat(names.subList(0, 25))
                .containsExactly(IntStream.range(0, 25).mapToObj(i -> "t" + i).toArray(String[]::new));
    }

    @EngineTest
    void aCursorThatFlowbaseDidNotIssueIsRefused(Database db) {
        var f = new StoreFixture(db);

        var refused = catchThrowableOfType(
                FlowbaseException.class,
                () -> f.stores
                        .tasks()
                        .list(TaskFilter.of(f.org), PageRequest.first(10).after("bm90LWEtY3Vyc29y")));

        assertThat(refused.getMessage()).startsWith("cursor=bm90LWEtY3Vyc29y: not a cursor Flowbase issued");
        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @EngineTest
    void aTaskWaitingForATaskThatDoesNotExistIsRefused(Database db) {
        var f = new StoreFixture(db);
        var nowhere = UUID.fromString("00000000-0000-7000-8000-000000000002");

        var refused = catchThrowableOfType(
                NotFoundException.class, () -> f.queue.enqueue(f.task("orphan"), List.of(nowhere)));

        assertThat(refused.getMessage())
                .isEqualTo("dependsOn=" + nowhere + ": no task with this id in the organization");
        assertThat(f.count("tasks")).isZero();
    }

    @EngineTest
    void aBulkInsertKeepsEveryValueAsGivenEvenTheAwkwardOnes(Database db) {
        var f = new StoreFixture(db);
        Workflow w = f.workflow("bulk");
        String awkward = "tab\there, newline\nthere, back\\slash, \\N, ünïcødé";
        List<NewTask> tasks = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            tasks.add(f.task(i == 0 ? awkward : "t" + i)
                    .inWorkflow(w.id())
                    .describedAs(i == 0 ? awkward : null)
                    .withParameters(Json.read("{\"i\": " + i + ", \"s\": \"a\\tb\"}"))
                    .withPriority(i % 3));
        }

        int inserted = f.queue.enqueueAll(tasks);

        assertThat(inserted).isEqualTo(250);
        assertThat(f.stores.tasks().getWorkflowProgress(w.id()).count(TaskStatus.READY))
                .isEqualTo(250);
        Task first =
                f.stores.tasks().list(TaskFilter.of(f.org).inWorkflow(w.id()), PageRequest.first(1000)).items().stream()
                        .filter(t -> t.name().equals(awkward))
                        .findFirst()
                        .orElseThrow();
        assertThat(first.description()).isEqualTo(awkward);
        assertThat(first.parameters()).isEqualTo(Json.read("{\"i\": 0, \"s\": \"a\\tb\"}"));
        assertThat(first.createdAt()).isEqualTo(f.clock.instant());
        assertThat(first.lockVersion()).isEqualTo(1);
    }
}
