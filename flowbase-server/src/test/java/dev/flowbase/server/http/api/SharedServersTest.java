package dev.flowbase.server.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.cache.Shared;
import dev.flowbase.db.Database;
import dev.flowbase.store.AccessRole;
import dev.flowbase.store.ApiKey;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import dev.flowbase.testing.TestRedis;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/**
 * Two servers on one database and one Redis (under a key prefix of the test's own), as behind a load
 * balancer: a key revoked on one is refused by the other on the next request; one rate budget; a
 * page session opened on one is valid on the other, and after both restart.
 */
class SharedServersTest {
    private static final String REDIS = "redis://127.0.0.1:6379/0";

    private final String prefix = "flowbase-test:" + UUID.randomUUID() + ":";

    @AfterEach
    void clean() {
        TestRedis.clean(REDIS, prefix);
    }

    private ApiServer server(TestDatabase test, Database db, Map<String, String> env) {
        return ApiServer.start(test, db, env, Shared.connect(Optional.of(REDIS), prefix, Clock.systemUTC()));
    }

    @EngineTest
    void aKeyRevokedOnOneServerIsRefusedByTheOtherOnItsNextRequest(TestDatabase test, Database db) {
        try (ApiServer a = server(test, db, Map.of());
                ApiServer b = server(test, db, Map.of())) {
            ApiKey.Created temp = Stores.create(db).apiKeys().create(a.org.id(), "temp", AccessRole.VIEWER, null);
            ApiClient onB = new ApiClient(b.base(), temp.secret());
            assertThat(onB.get("/api/workflows").status()).isEqualTo(200); // now cached, for every server

            assertThat(a.admin.delete("/api/api-keys/" + temp.key().id()).status())
                    .isEqualTo(200);

            assertThat(onB.get("/api/workflows").status()).isEqualTo(401);
        }
    }

    @EngineTest
    void aPublishedVersionReadOnEitherServerIsGoneFromBothOnceItsWorkflowIsDeleted(TestDatabase test, Database db) {
        try (ApiServer a = server(test, db, Map.of());
                ApiServer b = server(test, db, Map.of())) {
            ApiClient onB = new ApiClient(b.base(), a.viewer.key());
            String id = a.operator
                    .post("/api/workflows", Map.of("name", "summarise"))
                    .text("/id");
            a.operator.post("/api/workflows/" + id + "/versions", Map.of("changeNote", "first"));
            var fromA = a.viewer.get("/api/workflows/" + id + "/versions/1");
            var fromB = onB.get("/api/workflows/" + id + "/versions/1"); // from the shared cache
            assertThat(fromB.status()).isEqualTo(200);
            assertThat(fromB.json()).isEqualTo(fromA.json());
            assertThat(a.otherAdmin.get("/api/workflows/" + id + "/versions/1").status())
                    .isEqualTo(404); // another organization finds nothing, cached or not

            assertThat(a.operator.delete("/api/workflows/" + id).status()).isEqualTo(204);

            assertThat(onB.get("/api/workflows/" + id + "/versions/1").status()).isEqualTo(404);
        }
    }

    @EngineTest
    void twoServersDrawOnOneRateBudget(TestDatabase test, Database db) {
        Map<String, String> limits = Map.of("FLOWBASE_RATE_LIMIT", "1", "FLOWBASE_RATE_BURST", "4");
        try (ApiServer a = server(test, db, limits);
                ApiServer b = server(test, db, limits)) {
            ApiClient onB = new ApiClient(b.base(), a.viewer.key());
            long start = System.nanoTime();
            int passed = 0;
            for (int i = 0; i < 20; i++) {
                ApiClient.Answer answer = (i % 2 == 0 ? a.viewer : onB).get("/api/workflows");
                if (answer.status() == 200) {
                    passed++;
                } else {
                    assertThat(answer.status()).isEqualTo(429);
                    assertThat(answer.header("Retry-After")).isNotNull();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            // One budget: the burst and what one token a second refilled while the requests ran; two
            // budgets would have let 8 through at once, and each its own refill.
            assertThat(passed).isLessThanOrEqualTo(4 + (int) Math.ceil(seconds));
            assertThat(passed).isGreaterThanOrEqualTo(4);
        }
    }

    @EngineTest
    void aPageSessionOpenedOnOneServerIsValidOnTheOtherAndAfterBothRestart(TestDatabase test, Database db)
            throws Exception {
        String cookie;
        String adminKey;
        try (ApiServer a = server(test, db, Map.of());
                ApiServer b = server(test, db, Map.of())) {
            adminKey = a.admin.key();
            cookie = PageBrowser.signIn(a.base(), adminKey);
            assertThat(PageBrowser.page(b.base(), cookie)).isEqualTo(200);
            assertThat(PageBrowser.page(b.base(), "flowbase_session=not-a-session"))
                    .isEqualTo(303);
        }
        try (ApiServer a = server(test, db, Map.of());
                ApiServer b = server(test, db, Map.of())) {
            assertThat(PageBrowser.page(a.base(), cookie)).isEqualTo(200);
            assertThat(PageBrowser.page(b.base(), cookie)).isEqualTo(200);
        }
    }
}
