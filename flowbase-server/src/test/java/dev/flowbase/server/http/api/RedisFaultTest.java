package dev.flowbase.server.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.cache.Shared;
import dev.flowbase.db.Database;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.FaultProxy;
import dev.flowbase.testing.OwnRedis;
import dev.flowbase.testing.TestDatabase;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;

/**
 * Redis misbehaving mid-connection, through a fault proxy, while requests run: stalling (it accepts
 * and never answers), resetting its connections, and cutting one off after a few bytes. Every
 * request is answered by the database alone meanwhile (each Redis command waits at most its
 * one-second timeout, then the server works in-process), the status says so, and when the proxy
 * heals the server shares its cache through Redis again, without a restart.
 */
class RedisFaultTest {
    private static final int PORT = Integer.getInteger("flowbase.test.redis.port", 16410);

    @EngineTest
    void stalledResetAndCutRedisConnectionsLeaveEveryRequestAnsweredAndRedisIsUsedAgainAfter(
            TestDatabase test, Database db) throws Exception {
        // What Redis does to the server does not depend on the engine: the cheapest one is enough.
        Assumptions.assumeTrue(test.engine().isEmbedded(), "run on SQLite only");
        try (OwnRedis redis = new OwnRedis(PORT).start();
                FaultProxy proxy =
                        FaultProxy.to("127.0.0.1", URI.create(redis.url()).getPort())) {
            Shared shared =
                    Shared.connect(Optional.of("redis://127.0.0.1:" + proxy.port()), Shared.PREFIX, Clock.systemUTC());
            BlockingQueue<Shared.State> changes = new LinkedBlockingQueue<>();
            shared.onChange(() -> changes.add(shared.state()));
            try (ApiServer api = ApiServer.start(test, db, Map.of("FLOWBASE_RATE_LIMIT", "1000"), shared)) {
                String id = api.operator
                        .post("/api/workflows", Map.of("name", "kept"))
                        .text("/id");
                requestsAnswered(api, id);
                awaitMode(changes, shared, "redis"); // on a loaded machine the first connection may time out

                for (Consumer<FaultProxy> fault :
                        List.<Consumer<FaultProxy>>of(FaultProxy::blackhole, FaultProxy::reset, p -> {
                            p.closeAfter(16);
                            p.reset(); // the open connection goes; the next ones are cut after 16 bytes
                            p.heal();
                            p.closeAfter(16);
                        })) {
                    fault.accept(proxy);
                    requestsAnswered(api, id);
                    Shared.State down = changes.poll(15, TimeUnit.SECONDS);
                    assertThat(down).as("the outage noticed").isNotNull();
                    assertThat(down.degraded()).isTrue();
                    assertThat(down.mode()).isEqualTo("in-process");
                    requestsAnswered(api, id);

                    proxy.heal();
                    Shared.State back = changes.poll(30, TimeUnit.SECONDS);
                    assertThat(back)
                            .as("Redis used again within 30 s of healing")
                            .isNotNull();
                    assertThat(back.mode()).isEqualTo("redis");
                    requestsAnswered(api, id);
                    assertThat(shared.state().mode())
                            .as("still on Redis after requests")
                            .isEqualTo("redis");
                }
            }
        }
    }

    /** The state once it is in {@code mode}: now, or the first change to it within 30 s. */
    private static Shared.State awaitMode(BlockingQueue<Shared.State> changes, Shared shared, String mode)
            throws InterruptedException {
        Shared.State state = shared.state();
        while (!state.mode().equals(mode)) {
            state = changes.poll(30, TimeUnit.SECONDS);
            assertThat(state).as("Redis " + mode + " within 30 s").isNotNull();
        }
        return state;
    }

    /** Reads and writes that need the database, and the cache on the way (the key, a stale copy). */
    private static void requestsAnswered(ApiServer api, String id) {
        for (int i = 0; i < 5; i++) {
            assertThat(api.viewer.get("/api/workflows/" + id).status()).isEqualTo(200);
            assertThat(api.viewer.get("/api/workflows").status()).isEqualTo(200);
        }
        assertThat(api.operator
                        .patch("/api/workflows/" + id, Map.of("description", "d"), Map.of("If-Match", "*"))
                        .status())
                .isEqualTo(200);
    }
}
