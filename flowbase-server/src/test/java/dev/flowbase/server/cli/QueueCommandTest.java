package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.queue.Lease;
import dev.flowbase.queue.Queue;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.time.Duration;
import java.util.UUID;

/** {@code flowbase queue stats|list|requeue|cancel|purge} on tasks a library producer enqueued. */
class QueueCommandTest {

    @EngineTest
    void anOperatorSeesTheQueueRequeuesADeadTaskCancelsOneAndPurgesTheFinished(TestDatabase db) {
        assertThat(CliRun.of("init", "--url", db.url()).status()).isZero();
        Task waiting;
        try (Database database = db.open()) {
            Queue queue = Queue.create(database);
            UUID org = Stores.create(database)
                    .organizations()
                    .findBySlug("default")
                    .orElseThrow()
                    .id();
            queue.enqueue(NewTask.named(org, "fine").inQueue("mail"));
            queue.enqueue(NewTask.named(org, "broken").inQueue("mail").withMaxRetries(0));
            waiting = queue.enqueue(NewTask.named(org, "later").inQueue("mail").withPriority(-1));
            for (Lease lease : queue.claim("mail", 2, "w", Duration.ofMinutes(1))) {
                if (lease.task().name().equals("fine")) {
                    queue.complete(lease, TaskOutcome.NONE);
                } else {
                    queue.fail(lease, "smtp said no");
                }
            }
        }

        CliRun stats = CliRun.of("queue", "stats", "--json", "--url", db.url());
        CliRun deadList = CliRun.of("queue", "list", "--status", "dead", "--url", db.url());
        String deadId = deadList.out().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
        CliRun requeue = CliRun.of("queue", "requeue", deadId, "--url", db.url());
        CliRun cancel = CliRun.of("queue", "cancel", waiting.id().toString(), "--json", "--url", db.url());
        CliRun again = CliRun.of("queue", "cancel", waiting.id().toString(), "--url", db.url());
        CliRun purge = CliRun.of("queue", "purge", "--queue", "mail", "--older-than-days", "0", "--url", db.url());
        CliRun badStatus = CliRun.of("queue", "list", "--status", "stuck", "--url", db.url());

        assertThat(stats.out()).contains("\"status\" : \"dead\"", "\"status\" : \"succeeded\"");
        assertThat(deadList.out()).contains("broken");
        assertThat(requeue.status()).as(requeue.err()).isZero();
        assertThat(requeue.out()).contains("it is ready");
        assertThat(cancel.out()).contains("\"status\" : \"cancelled\"");
        assertThat(again.status()).isEqualTo(ErrorCode.INVALID_TRANSITION.exitCode());
        assertThat(purge.out()).contains("Purged 2 finished task(s) of queue mail");
        assertThat(badStatus.err()).contains("--status=stuck: expected one of");
    }
}
