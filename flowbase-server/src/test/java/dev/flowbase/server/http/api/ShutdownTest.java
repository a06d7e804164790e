package dev.flowbase.server.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A stop lets the request in flight finish: new requests are refused at once, the one waiting on
 * the database completes when the database lets it, and only then does the stop return.
 */
class ShutdownTest {
    @EngineTest
    void aRequestInFlightFinishesWhileTheServerStopsTakingNewOnes(TestDatabase test, Database db) throws Exception {
        try (ApiServer api = ApiServer.start(test, db);
                Database other = test.open()) {
            String id = api.operator.post("/api/tasks", Map.of("name", "held")).text("/id");
            Connection holder = other.connection();
            holder.setAutoCommit(false);
            try (var update = holder.prepareStatement("UPDATE tasks SET priority = priority WHERE id = ?")) {
                other.dialect().setUuid(update, 1, UUID.fromString(id));
                update.executeUpdate();
            }

            // The cancel waits on the row (or, on SQLite, the write lock) the holder has.
            CompletableFuture<ApiClient.Answer> inFlight =
                    CompletableFuture.supplyAsync(() -> api.operator.post("/api/tasks/" + id + "/cancel", null));
            await(() -> db.poolStats().active() >= 1);
            int port = api.server.port();
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(api.server::close);
            await(() -> refused(port));
            boolean stoppedEarly = stopping.isDone();
            holder.rollback();
            holder.close();

            ApiClient.Answer answer = inFlight.get(60, TimeUnit.SECONDS);
            stopping.get(60, TimeUnit.SECONDS);
            assertThat(stoppedEarly).isFalse();
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.text("/status")).isEqualTo("CANCELLED");
        }
    }

    /** A new request cannot get in: its connection is refused, or the stopping server answers 503. */
    private static boolean refused(int port) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 503;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the condition did not come true within 30 s");
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
