package dev.flowbase.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.flowbase.db.Database;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.util.concurrent.TimeUnit;

/** The reaper runs in one process at a time, and the lead passes on when its holder dies. */
class LeadershipTest {

    @EngineTest
    void oneProcessLeadsAndTheLeadPassesOnWhenItsHolderDies(TestDatabase target) throws InterruptedException {
        assumeFalse(
                target.engine().isEmbedded(),
                "SQLite: every process leads (one machine's processes on one file; the reaper is fenced)");
        Database first = target.open();
        try (Database second = target.open()) {
            Leadership leader = Queue.create(first).leadership("reaper");
            Leadership other = Queue.create(second).leadership("reaper");

            boolean firstLeads = leader.lead();
            boolean otherLeadsMeanwhile = other.lead();
            boolean firstStillLeads = leader.lead();
            first.close(); // the leading process dies: its connections close, and its lock with them
            boolean otherTakesOver = takesTheLead(other);
            leader.close();
            other.close();

            assertThat(firstLeads).isTrue();
            assertThat(otherLeadsMeanwhile).isFalse();
            assertThat(firstStillLeads).isTrue();
            assertThat(otherTakesOver).isTrue();
        }
    }

    /**
     * Asks as a duty's timer does, until the lead is taken: a pool closes its connections in use
     * by aborting them, and the server ends their sessions (and the lock) a moment later.
     */
    private static boolean takesTheLead(Leadership other) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            if (other.lead()) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return false;
    }

    @EngineTest
    void givingTheLeadUpLetsAnotherTakeIt(TestDatabase target) {
        assumeFalse(target.engine().isEmbedded(), "SQLite: every process leads");
        try (Database first = target.open();
                Database second = target.open()) {
            Leadership leader = Queue.create(first).leadership("reaper");
            Leadership other = Queue.create(second).leadership("reaper");

            assertThat(leader.lead()).isTrue();
            leader.close();

            assertThat(other.lead()).isTrue();
            assertThat(leader.lead()).as("the lead is taken now").isFalse();
            other.close();
        }
    }
}
