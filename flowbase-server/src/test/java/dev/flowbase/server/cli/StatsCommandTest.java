package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.store.ExecutionStatus;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TaskHistory;
import dev.flowbase.testing.TestDatabase;
import java.time.Duration;
import java.util.UUID;

/** {@code flowbase stats}: the four figures as tables and as JSON. */
class StatsCommandTest {
    @EngineTest
    void statsShowsTheFiguresAndRefusesABadBucket(TestDatabase db) {
        assertThat(CliRun.of("init", "--url", db.url()).status()).isZero();
        try (Database database = db.open()) {
            Stores stores = Stores.create(database);
            UUID org =
                    stores.organizations().findBySlug("default").orElseThrow().id();
            var task = new TaskHistory(database, stores)
                    .add(NewTask.named(org, "send").inQueue("mail").ofType("email"));
            new TaskHistory(database, stores).attempt(task, 1, Duration.ZERO, ExecutionStatus.FAILED, "smtp said no");
        }

        CliRun table = CliRun.of("stats", "--url", db.url());
        CliRun json = CliRun.of("stats", "--since", "1h", "--bucket", "minute", "--json", "--url", db.url());
        CliRun bad = CliRun.of("stats", "--bucket", "week", "--url", db.url());

        assertThat(table.status()).as(table.err()).isZero();
        assertThat(table.out())
                .contains("TASK TYPE")
                .contains("email")
                .contains("mail")
                .contains("100.0%")
                .contains("smtp said no");
        assertThat(json.out()).contains("\"durations\"").contains("\"failureRate\" : 1.0");
        assertThat(bad.status()).isEqualTo(ErrorCode.INVALID_ARGUMENT.exitCode());
        assertThat(bad.err()).contains("--bucket='week'");
    }
}
