package dev.flowbase.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.db.Database;
import dev.flowbase.testing.EngineTest;
import java.util.List;
import java.util.UUID;

/**
 * The organization rule in the stores: a caller's stores find only its organization's rows, and a
 * written row refers only to rows of its own organization, with or without a caller.
 */
class TenancyTest {
    @EngineTest
    void aCallersStoresDoNotFindAnotherOrganizationsRows(Database db) {
        var f = new StoreFixture(db);
        UUID other = f.stores.organizations().create("Other", "other").id();
        Task theirs = f.queue.enqueue(NewTask.named(other, "theirs"));
        Stores ours = f.stores.within(f.org);

        var refused =
                catchThrowableOfType(NotFoundException.class, () -> ours.tasks().get(theirs.id()));
        var cancelled = catchThrowableOfType(
                NotFoundException.class, () -> f.queue.withStores(ours).move(theirs.id(), TaskStatus.CANCELLED));

        assertThat(refused.getMessage()).isEqualTo("task " + theirs.id() + " not found");
        assertThat(cancelled).isNotNull();
        assertThat(f.stores.tasks().get(theirs.id()).status()).isEqualTo(TaskStatus.READY);
        assertThat(f.stores.within(other).tasks().get(theirs.id())).isEqualTo(theirs);
    }

    @EngineTest
    void aTaskNeverRefersToAnotherOrganizationsWorkflowRunRoleOrParent(Database db) {
        var f = new StoreFixture(db);
        UUID other = f.stores.organizations().create("Other", "other").id();
        Workflow workflow = f.stores.workflows().create(Workflow.New.named(other, "theirs"));
        Task parent = f.queue.enqueue(NewTask.named(other, "their parent"));

        var byWorkflow = catchThrowableOfType(
                NotFoundException.class, () -> f.queue.enqueue(f.task("mine").inWorkflow(workflow.id())));
        var byParent = catchThrowableOfType(
                NotFoundException.class, () -> f.queue.enqueue(f.task("mine"), List.of(parent.id())));
        var inBulk = catchThrowableOfType(
                NotFoundException.class,
                () -> f.queue.enqueueAll(List.of(f.task("mine").inWorkflow(workflow.id()))));
        var forAnother = catchThrowableOfType(
                NotFoundException.class,
                () -> f.queue.withStores(f.stores.within(f.org)).enqueue(NewTask.named(other, "x")));

        assertThat(byWorkflow.getMessage())
                .isEqualTo("workflowId=" + workflow.id() + ": no workflow with this id in the organization");
        assertThat(byParent.getMessage()).startsWith("dependsOn=" + parent.id());
        assertThat(inBulk.getMessage()).startsWith("workflowId=");
        assertThat(forAnother.getMessage()).startsWith("organizationId=");
        assertThat(f.stores.tasks().getWorkflowProgress(workflow.id()).total()).isZero();
    }
}
