package dev.flowbase.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.config.ConfigLoader;
import dev.flowbase.config.FlowbaseConfig;
import dev.flowbase.config.Settings;
import dev.flowbase.db.Database;
import dev.flowbase.engine.Engine;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import dev.flowbase.util.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Assumptions;

/** /health tells the truth: a never-migrated database, a vanished SQLite file; unknown routes are problems. */
class HealthTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @EngineTest
    void liveAlwaysAnswersAndReadyWaitsForCurrentMigrationsNamingEachCheckWithItsTime(TestDatabase test, Database db)
            throws Exception {
        try (FlowbaseServer server = FlowbaseServer.start(config(test), db)) {
            var liveBefore = get(server, "/health/live");
            var readyBefore = get(server, "/health/ready");
            Migrator.configure().database(db).load().migrate();
            var readyAfter = get(server, "/health/ready");

            assertThat(liveBefore.statusCode()).isEqualTo(200);
            assertThat(readyBefore.statusCode()).isEqualTo(503);
            assertThat(readyBefore.body())
                    .contains("\"migrations\":{\"status\":\"unavailable\"")
                    .contains("7 pending");
            assertThat(readyAfter.statusCode()).as(readyAfter.body()).isEqualTo(200);
            assertThat(readyAfter.body())
                    .contains("\"database\":{\"status\":\"ok\"")
                    .contains("\"pool\":{\"status\":\"ok\"")
                    .containsPattern("\"ms\":\\d+");
        }
    }

    @EngineTest
    void everyHealthRouteFillsTheEngineTheVersionsAndEachChecksMilliseconds(TestDatabase test, Database db)
            throws Exception {
        Migrator.configure().database(db).load().migrate();
        try (FlowbaseServer server = FlowbaseServer.start(config(test), db)) {
            for (String path : new String[] {"/health", "/health/ready"}) {
                var answer = Json.read(get(server, path).body());

                assertThat(answer.path("engine").asText())
                        .as(path)
                        .isEqualTo(test.engine().id());
                assertThat(answer.path("serverVersion").isTextual()).as(path).isTrue();
                assertThat(answer.path("version").isTextual()).as(path).isTrue();
                answer.path("checks")
                        .forEach(check -> assertThat(check.path("ms").isIntegralNumber())
                                .as(path + " " + check)
                                .isTrue());
            }
        }
    }

    @EngineTest
    void healthIsUnavailableUntilTheMigrationsAreCurrent(TestDatabase test, Database db) throws Exception {
        try (FlowbaseServer server = FlowbaseServer.start(config(test), db)) {
            var before = get(server, "/health");
            Migrator.configure().database(db).load().migrate();
            var after = get(server, "/health");

            assertThat(before.statusCode()).isEqualTo(503);
            assertThat(before.body())
                    .contains("\"migrations\"")
                    .contains("7 pending;")
                    .doesNotContain("{pending=");
            assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
            assertThat(after.body()).contains("\"status\":\"ok\"");
        }
    }

    @EngineTest
    void aDeletedSqliteFileIsNoticedAtTheNextProbe(TestDatabase test, Database db) throws Exception {
        Assumptions.assumeTrue(test.engine() == Engine.SQLITE, "SQLite is a file");
        Migrator.configure().database(db).load().migrate();
        try (FlowbaseServer server = FlowbaseServer.start(config(test), db)) {
            assertThat(get(server, "/health").statusCode()).isEqualTo(200);

            Files.delete(Path.of(db.config().database()));
            var gone = get(server, "/health");

            assertThat(gone.statusCode()).isEqualTo(503);
            assertThat(gone.body()).contains("is gone");
        }
    }

    @EngineTest
    void aDroppedDatabaseIsReportedQuicklyNotAfterThePoolsConnectionTimeout(TestDatabase test) throws Exception {
        Assumptions.assumeTrue(test.engine() == Engine.POSTGRESQL, "needs DROP … WITH (FORCE)");
        // A pool that would wait a minute for a connection: only health's own bound can answer sooner.
        FlowbaseConfig config = new ConfigLoader()
                .environment(Map.of("FLOWBASE_PORT", "0", "DB_CONNECTION_TIMEOUT", "60000"))
                .flag(Settings.DATABASE_URL, test.url())
                .load();
        try (Database db = Database.open(config.database());
                FlowbaseServer server = FlowbaseServer.start(config, db)) {
            Migrator.configure().database(db).load().migrate();
            assertThat(get(server, "/health").statusCode()).isEqualTo(200);

            test.dropWhileInUse();
            var gone = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(gone.statusCode()).isEqualTo(503);
        }
    }

    @EngineTest
    void anExhaustedPoolMakesReadinessFailAndItRecoversWhenConnectionsComeBack(TestDatabase test) throws Exception {
        FlowbaseConfig config = new ConfigLoader()
                .environment(Map.of(
                        "FLOWBASE_PORT", "0", "DB_POOL_MAX", "2", "DB_POOL_MIN", "2", "DB_CONNECTION_TIMEOUT", "30000"))
                .flag(Settings.DATABASE_URL, test.url())
                .load();
        try (Database db = Database.open(config.database());
                FlowbaseServer server = FlowbaseServer.start(config, db)) {
            Migrator.configure().database(db).load().migrate();
            Connection a = db.connection();
            Connection b = db.connection();
            var waiter = CompletableFuture.supplyAsync(db::connection);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (db.poolStats().waiting() == 0 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(10_000_000);
            }
            var exhausted = get(server, "/health/ready");
            a.close();
            b.close();
            waiter.get(30, TimeUnit.SECONDS).close();
            var recovered = get(server, "/health/ready");

            assertThat(exhausted.statusCode()).isEqualTo(503);
            assertThat(exhausted.body())
                    .contains("\"pool\":{\"status\":\"unavailable\"")
                    .contains("exhausted");
            assertThat(recovered.statusCode()).as(recovered.body()).isEqualTo(200);
        }
    }

    @EngineTest
    void unknownRoutesAndWrongMethodsAnswerProblemJson(TestDatabase test, Database db) throws Exception {
        try (FlowbaseServer server = FlowbaseServer.start(config(test), db)) {
            var missing = get(server, "/no/such/route");
            var wrongMethod = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(wrongMethod.statusCode()).isEqualTo(405);
            assertThat(wrongMethod.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(wrongMethod.body()).contains("method-not-allowed");
        }
    }

    private HttpResponse<String> get(FlowbaseServer server, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static FlowbaseConfig config(TestDatabase test) {
        return new ConfigLoader()
                .environment(Map.of("FLOWBASE_PORT", "0"))
                .flag(Settings.DATABASE_URL, test.url())
                .load();
    }
}
