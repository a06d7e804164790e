package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.engine.Engine;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code flowbase status}: one screen, one JSON document, an exit status a script can act on. */
class StatusCommandTest {

    @EngineTest
    void statusFailsUntilInitThenShowsEveryCheckAndTheQueues(TestDatabase db) throws Exception {
        CliRun before = CliRun.of("status", "--url", db.url());
        assertThat(CliRun.of("init", "--url", db.url()).status()).isZero();
        CliRun after = CliRun.of("status", "--json", "--url", db.url());

        assertThat(before.status()).as(before.err()).isEqualTo(ErrorCode.UNAVAILABLE.exitCode());
        assertThat(before.out()).contains("Flowbase status: failing").contains("7 pending");
        assertThat(after.status()).as(after.err()).isZero();
        JsonNode doc = Output.mapper().readTree(after.out());
        assertThat(doc.get("status").asText()).isEqualTo("ok");
        assertThat(doc.get("engine").asText()).isEqualTo(db.engine().id());
        assertThat(doc.get("checks").findValuesAsText("name")).contains("database", "migrations", "queues", "pool");
        assertThat(doc.get("pool").get("max").asInt()).isPositive();
        assertThat(doc.get("queues").isArray()).isTrue();

        try (var database = db.open()) {
            database.analyze("tasks"); // so every engine has an estimate and a last-analyzed time to show
        }
        CliRun statistics = CliRun.of("status", "--statistics", "--json", "--url", db.url());
        assertThat(statistics.status()).as(statistics.err()).isZero();
        JsonNode tables =
                Output.mapper().readTree(statistics.out()).get("statistics").get("tables");
        assertThat(tables.findValuesAsText("name")).contains("tasks", "task_queue", "workflows");
    }

    @Test
    void aFallbackIsAFallbackCheckReadingItsOutbox() throws Exception {
        try (TestDatabase primary = TestDatabase.create(Engine.SQLITE);
                TestDatabase fallback = TestDatabase.create(Engine.SQLITE)) {
            assertThat(CliRun.of("init", "--url", primary.url()).status()).isZero();
            CliRun run =
                    CliRun.of(Map.of("DB_FALLBACK_URL", fallback.url()), "status", "--json", "--url", primary.url());

            assertThat(run.status()).as(run.err()).isZero();
            JsonNode check = null;
            for (JsonNode c : Output.mapper().readTree(run.out()).get("checks")) {
                check = c.get("name").asText().equals("fallback") ? c : check;
            }
            assertThat(check).as(run.out()).isNotNull();
            assertThat(check.get("status").asText()).isEqualTo("ok");
            assertThat(check.get("detail").asText()).contains("outbox empty");
        }
    }

    @Test
    void aWatchIntervalOutOfRangeIsRefusedNamingTheValue() {
        CliRun run = CliRun.of("status", "--watch", "0", "--url", "sqlite::memory:");

        assertThat(run.status()).isEqualTo(ErrorCode.INVALID_ARGUMENT.exitCode());
        assertThat(run.err()).contains("--watch 0").contains("1 to 3600");
    }
}
