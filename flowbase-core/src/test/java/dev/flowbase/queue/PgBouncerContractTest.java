package dev.flowbase.queue;

import dev.flowbase.engine.Engine;
import dev.flowbase.testing.PgBouncer;
import dev.flowbase.testing.TestDatabase;
import dev.flowbase.testing.TestEngines;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * The queue's contract tests, their own bodies, on PostgreSQL through a pgbouncer in transaction
 * mode, sessions (LISTEN, leadership, the migration's lock) on DB_DIRECT_URL: the pgbouncer
 * topology of docs/resilience.md keeps the contract. One pgbouncer for the class; a database of its
 * own for each body.
 */
class PgBouncerContractTest {
    /** Next to PgBouncerTest's. */
    private static final int PORT = Integer.getInteger("flowbase.test.pgbouncer.port", 17330) + 1;

    private static PgBouncer bouncer;

    @BeforeAll
    static void startPgBouncer() {
        Assumptions.assumeTrue(TestEngines.selected().contains(Engine.POSTGRESQL), "PostgreSQL is not selected");
        Assumptions.assumeTrue(PgBouncer.available(), "needs pgbouncer (bin/test installs it) and root");
        TestDatabase any = TestDatabase.create(Engine.POSTGRESQL);
        try (any) {
            bouncer = PgBouncer.start(PORT, any.config().host(), any.config().port());
        }
    }

    @AfterAll
    static void stopPgBouncer() {
        if (bouncer != null) {
            bouncer.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> theQueueContractHoldsThroughTransactionPooling() {
        return Stream.of(
                through(
                        "enqueue, claim by priority, complete",
                        t -> new QueueTest()
                                .aClaimTakesTheHighestPriorityFirstAndACompletionIsRecordedWithItsAttempt(t.open())),
                through(
                        "fail, back off, retry, dead letters",
                        t -> new QueueTest()
                                .aFailureWaitsItsBackoffRetriesUpToMaxRetriesThenGoesToTheDeadLetters(t.open())),
                through(
                        "reap an expired lease, refuse the late answer",
                        t -> new QueueTest().anExpiredLeaseIsReapedTheTaskRunsAgainAndTheLateAnswerIsRefused(t.open())),
                through(
                        "an enqueue rolled back with its transaction",
                        t -> new QueueTest().aTaskEnqueuedInATransactionThatRollsBackIsNeverThere(t.open())),
                through(
                        "an idempotency key enqueued twice",
                        t -> new QueueTest().enqueueingTheSameIdempotencyKeyTwiceReturnsTheFirstTask(t.open())),
                through(
                        "NOTIFY from another pool wakes an idle worker (LISTEN on the direct URL)",
                        t -> new WorkerTest()
                                .onPostgresqlATaskEnqueuedByAnotherProcessWakesAnIdleWorkerWithoutWaitingForThePoll(t)),
                through(
                        "one leads; the lead passes on when its holder dies (locks on the direct URL)",
                        t -> new LeadershipTest().oneProcessLeadsAndTheLeadPassesOnWhenItsHolderDies(t)),
                through(
                        "the lead given up is taken by another",
                        t -> new LeadershipTest().givingTheLeadUpLetsAnotherTakeIt(t)));
    }

    /** The body run on a database of its own through the pgbouncer, which it must leave with no connection in use. */
    private static DynamicTest through(String name, ThrowingConsumer<TestDatabase> body) {
        return DynamicTest.dynamicTest(name, () -> {
            try (TestDatabase target = TestDatabase.create(Engine.POSTGRESQL).through(bouncer)) {
                body.accept(target);
                target.assertNoConnectionInUse();
            }
        });
    }
}
