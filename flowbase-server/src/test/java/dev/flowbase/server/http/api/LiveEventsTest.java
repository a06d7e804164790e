package dev.flowbase.server.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.cache.Shared;
import dev.flowbase.db.Database;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import dev.flowbase.testing.TestRedis;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code GET /api/events} in both modes (in-process, and Redis under a prefix of the test's own): a
 * client sees a task's claim and completion in order, nothing of another organization, and a
 * reconnect with {@code Last-Event-ID} misses nothing.
 */
class LiveEventsTest {
    private static final String REDIS = "redis://127.0.0.1:6379/0";

    @EngineTest
    void inProcess(TestDatabase test, Database db) throws Exception {
        try (ApiServer api = ApiServer.start(test, db, Map.of(), Shared.local(Clock.systemUTC()))) {
            aClientSeesItsOwnTasksInOrderAndResumesWithoutAGap(api);
        }
    }

    @EngineTest
    void inRedis(TestDatabase test, Database db) throws Exception {
        String prefix = "flowbase-test:" + UUID.randomUUID() + ":";
        try (ApiServer api =
                ApiServer.start(test, db, Map.of(), Shared.connect(Optional.of(REDIS), prefix, Clock.systemUTC()))) {
            aClientSeesItsOwnTasksInOrderAndResumesWithoutAGap(api);
        } finally {
            TestRedis.clean(REDIS, prefix);
        }
    }

    private void aClientSeesItsOwnTasksInOrderAndResumesWithoutAGap(ApiServer api) throws Exception {
        try (SseReader ours = new SseReader(api.base(), api.viewer.key(), "", null);
                SseReader theirs = new SseReader(api.base(), api.otherAdmin.key(), "", null)) {
            assertThat(ours.status()).isEqualTo(200);
            assertThat(theirs.status()).isEqualTo(200);

            String task = api.operator
                    .post("/api/tasks", Map.of("name", "fetch", "queue", "live"))
                    .text("/id");
            int attempt = api.operator
                    .post("/api/queues/live/claim", Map.of("worker", "w1"))
                    .at("/0/attempt")
                    .asInt();
            api.operator.post("/api/tasks/" + task + "/complete", Map.of("attempt", attempt));
            String marker = api.otherAdmin
                    .post("/api/tasks", Map.of("name", "theirs", "queue", "live"))
                    .text("/id");

            List<SseReader.Received> got = List.of(ours.next(), ours.next(), ours.next());
            assertThat(got)
                    .extracting(SseReader.Received::event)
                    .containsExactly("task.enqueued", "task.claimed", "task.succeeded");
            assertThat(got).allSatisfy(r -> assertThat(r.data()).contains(task));
            // The other organization's first event is its own: nothing of ours came before it.
            SseReader.Received first = theirs.next();
            assertThat(first.data()).contains(marker);

            // A client that read only the first event resumes after it and misses nothing.
            try (SseReader again =
                    new SseReader(api.base(), api.viewer.key(), "", got.get(0).id())) {
                List<String> resumed = new ArrayList<>();
                resumed.add(again.next().id());
                resumed.add(again.next().id());
                assertThat(resumed).containsExactly(got.get(1).id(), got.get(2).id());
                assertThat(api.viewer.get("/metrics").body())
                        .containsPattern("flowbase_event_stream_clients [1-9]")
                        .containsPattern("flowbase_cache_hits_total [1-9]")
                        .contains("flowbase_redis_in_use");
            }
        }
    }

    @EngineTest
    void aRunStartedAndCancelledThroughTheApiIsHeardByItsWatchers(TestDatabase test, Database db) throws Exception {
        try (ApiServer api = ApiServer.start(test, db);
                SseReader all = new SseReader(api.base(), api.viewer.key(), "", null)) {
            assertThat(all.status()).isEqualTo(200);
            String workflow = api.operator
                    .post("/api/workflows", Map.of("name", "digest"))
                    .text("/id");
            api.operator.post("/api/workflows/" + workflow + "/versions", Map.of("changeNote", "first"));

            String run = api.operator
                    .post("/api/workflows/" + workflow + "/executions", Map.of())
                    .text("/id");
            SseReader.Received started = all.next();
            try (SseReader one = new SseReader(api.base(), api.viewer.key(), "?run=" + run, started.id())) {
                api.operator.post("/api/executions/" + run + "/cancel", null);

                assertThat(started.event()).isEqualTo("workflow.started");
                assertThat(started.data()).contains(run).contains(workflow);
                SseReader.Received cancelled = one.next();
                assertThat(cancelled.event()).isEqualTo("workflow.cancelled");
                assertThat(cancelled.data()).contains("CANCELLED");
            }
        }
    }

    @EngineTest
    void aRunWhoseLastTaskEndsIsHeardAsFinishedOnceAfterThatTask(TestDatabase test, Database db) throws Exception {
        try (ApiServer api = ApiServer.start(test, db)) {
            String workflow = api.operator
                    .post("/api/workflows", Map.of("name", "digest"))
                    .text("/id");
            api.operator.post("/api/workflows/" + workflow + "/versions", Map.of("changeNote", "first"));
            String run = api.operator
                    .post("/api/workflows/" + workflow + "/executions", Map.of())
                    .text("/id");
            try (SseReader one = new SseReader(api.base(), api.viewer.key(), "", null)) {
                assertThat(one.status()).isEqualTo(200);
                List<String> tasks = new ArrayList<>();
                for (String name : List.of("fetch", "summarise")) {
                    tasks.add(api.operator
                            .post("/api/tasks", Map.of("name", name, "queue", "runs", "workflowExecutionId", run))
                            .text("/id"));
                }
                for (String task : tasks) {
                    int attempt = api.operator
                            .post("/api/queues/runs/claim", Map.of("worker", "w1"))
                            .at("/0/attempt")
                            .asInt();
                    api.operator.post("/api/tasks/" + task + "/complete", Map.of("attempt", attempt));
                }
                String marker = api.operator
                        .post("/api/tasks", Map.of("name", "marker", "queue", "other"))
                        .text("/id"); // nothing of the run may come between its end and this

                List<String> events = new ArrayList<>();
                SseReader.Received finished = null;
                SseReader.Received r = null;
                for (int i = 0; i < 8; i++) {
                    r = one.next();
                    events.add(r.event());
                    if (r.event().equals("workflow.finished")) {
                        finished = r;
                    }
                }
                assertThat(events)
                        .containsExactly(
                                "task.enqueued",
                                "task.enqueued",
                                "task.claimed",
                                "task.succeeded",
                                "task.claimed",
                                "task.succeeded",
                                "workflow.finished",
                                "task.enqueued");
                assertThat(finished.data()).contains(run).contains(workflow).contains("SUCCEEDED");
                assertThat(api.viewer.get("/api/executions/" + run).text("/status"))
                        .isEqualTo("SUCCEEDED");
                assertThat(r.data()).contains(marker);
            }
        }
    }

    @EngineTest
    void aKeyMayNotAskForAnotherOrganizationsEvents(TestDatabase test, Database db) throws Exception {
        try (ApiServer api = ApiServer.start(test, db);
                SseReader other =
                        new SseReader(api.base(), api.otherAdmin.key(), "?organization=" + api.org.id(), null);
                SseReader nobody = new SseReader(api.base(), "fb_not_a_key", "", null)) {
            assertThat(other.status()).isEqualTo(403);
            assertThat(nobody.status()).isEqualTo(401);
            ApiClient.Answer plain = api.viewer.get("/api/events"); // no Accept: text/event-stream
            assertThat(plain.status()).isEqualTo(400);
            assertThat(plain.text("/detail")).contains("Accept: text/event-stream");
        }
    }
}
