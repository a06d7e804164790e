package dev.flowbase.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.flowbase.db.Database;
import dev.flowbase.testing.EngineTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;

class ConcurrentWritersTest {

    @EngineTest
    void twoWritersOfTheSameReadOneWinsTheOtherGetsAConflict(Database db) throws Exception {
        var f = new StoreFixture(db);
        Workflow read = f.workflow("contended");
        var bothRead = new CyclicBarrier(2);
        List<Object> outcomes = new ArrayList<>();

        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<Object>> writers = new ArrayList<>();
            for (String text : List.of("from a", "from b")) {
                writers.add(pool.submit(() -> {
                    bothRead.await(30, TimeUnit.SECONDS);
                    try {
                        return f.stores.workflows().update(read.withDescription(text));
                    } catch (ConflictException e) {
                        return e;
                    }
                }));
            }
            for (Future<Object> w : writers) {
                outcomes.add(w.get(60, TimeUnit.SECONDS));
            }
        }

        assertThat(outcomes).filteredOn(o -> o instanceof Workflow).hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> o instanceof ConflictException)
                .singleElement()
                .extracting(o -> ((ConflictException) o).getMessage())
                .asString()
                .endsWith("expected lock_version 1, it is now 2");
        assertThat(f.stores.workflows().get(read.id()).lockVersion()).isEqualTo(2);
    }

    @EngineTest
    void aDeadlockProvokedOnPurposeIsRetriedAndBothTransactionsSucceed(Database db) throws Exception {
        assumeFalse(
                db.dialect().forUpdate().isEmpty(),
                "SQLite has no row locks: its writers queue at BEGIN IMMEDIATE and cannot deadlock");
        var f = new StoreFixture(db);
        Workflow a = f.workflow("a");
        Workflow b = f.workflow("b");
        var bothHoldOne = new CyclicBarrier(2);
        var runs = new AtomicInteger();

        // Plain increments in opposite orders: no optimistic lock to fail, so only the deadlock can.
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<?>> writers = new ArrayList<>();
            for (List<Workflow> order : List.of(List.of(a, b), List.of(b, a))) {
                writers.add(pool.submit(() -> db.inTransaction("Incrementing two workflows", h -> {
                    boolean firstRun = runs.incrementAndGet() <= 2;
                    increment(h, order.get(0));
                    if (firstRun) {
                        await(bothHoldOne);
                    }
                    return increment(h, order.get(1));
                })));
            }
            for (Future<?> w : writers) {
                w.get(60, TimeUnit.SECONDS);
            }
        }

        assertThat(runs.get()).as("two first runs and at least one retry").isGreaterThanOrEqualTo(3);
        assertThat(f.stores.workflows().get(a.id()).priority()).isEqualTo(2);
        assertThat(f.stores.workflows().get(b.id()).priority()).isEqualTo(2);
    }

    private static int increment(Handle h, Workflow w) {
        return h.createUpdate("UPDATE workflows SET priority = priority + 1 WHERE id = :id")
                .bind("id", w.id())
                .execute();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other writer never took its first lock", e);
        }
    }
}
