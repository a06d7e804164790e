package dev.flowbase.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.store.InvalidTransitionException;
import dev.flowbase.store.TaskStatus;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The transition table and the life cycle {@link TaskStatus} tells callers are the same moves. */
class TransitionsTest {
    private static final UUID TASK = UUID.fromString("00000000-0000-7000-8000-000000000001");

    @Test
    void theTableHoldsExactlyTheMovesOfTheLifeCycle() {
        for (TaskStatus from : TaskStatus.values()) {
            Set<TaskStatus> inTable = EnumSet.noneOf(TaskStatus.class);
            Set<TaskStatus> byCall = EnumSet.noneOf(TaskStatus.class);
            Transitions.all().stream().filter(t -> t.from() == from).forEach(t -> {
                inTable.add(t.to());
                if (t.byCall()) {
                    byCall.add(t.to());
                }
            });
            assertThat(inTable).as("moves from %s", from).isEqualTo(from.next());
            assertThat(byCall).as("moves a call may make from %s", from).isEqualTo(from.nextByCall());
        }
    }

    @Test
    void everyEndOfARunningAttemptWritesItsAttemptAndEveryEndCountsForTheRun() {
        for (Transitions.Transition t : Transitions.all()) {
            if (t.from() == TaskStatus.RUNNING) {
                assertThat(t.has(Transitions.Effect.ATTEMPT_ROW)).as("%s", t).isTrue();
                assertThat(t.has(Transitions.Effect.LEASE_END)).as("%s", t).isTrue();
            }
            if (t.to().isFinished() && t.from() != null) {
                assertThat(t.has(Transitions.Effect.COUNTERS)).as("%s", t).isTrue();
            }
        }
    }

    @Test
    void aCallIsRefusedRunningWithTheStatesItMayChoose() {
        var refused = catchThrowableOfType(
                InvalidTransitionException.class, () -> Transitions.byCall(TASK, TaskStatus.READY, TaskStatus.RUNNING));

        assertThat(refused.getMessage())
                .isEqualTo("task " + TASK + " cannot be moved to running by a call: only a worker's claim makes"
                        + " a task running, with a lease (from ready a call may move it to [pending, cancelled])");
    }
}
