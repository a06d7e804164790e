package dev.flowbase.server.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.cache.Shared;
import dev.flowbase.db.Database;
import dev.flowbase.queue.DatabaseEvents;
import dev.flowbase.queue.Queue;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.JavaProcess;
import dev.flowbase.testing.TestDatabase;
import dev.flowbase.testing.TestRedis;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Events of a process that is no server (a worker JVM on the library: a run started through the
 * stores, tasks completed through the queue, a run ended by them) on a server's {@code GET /api/events}: through Redis
 * on every engine, through LISTEN/NOTIFY on PostgreSQL without Redis; only to the clients of the
 * organization they belong to. Without Redis on the other engines a server sees its own changes
 * only, as docs/redis.md says.
 */
class RemoteEventsTest {

    @EngineTest
    void throughRedis(TestDatabase test, Database db) throws Exception {
        String prefix = TestRedis.prefix();
        Shared shared = Shared.connect(Optional.of(TestRedis.URL), prefix, Clock.systemUTC(), DatabaseEvents.over(db));
        try (ApiServer api = ApiServer.start(test, db, Map.of(), shared)) {
            RemoteWorker.awaitRedis(shared); // its reader starts from the stream's end once Redis answers
            aWorkerProcessIsHeardByItsOrganizationOnly(api, TestRedis.URL, prefix);
        } finally {
            TestRedis.clean(TestRedis.URL, prefix);
        }
    }

    @EngineTest
    void withoutRedis(TestDatabase test, Database db) throws Exception {
        Shared shared = Shared.connect(Optional.empty(), Shared.PREFIX, Clock.systemUTC(), DatabaseEvents.over(db));
        try (ApiServer api = ApiServer.start(test, db, Map.of(), shared)) {
            if (shared.events() instanceof DatabaseEvents notices) { // the engine tells other processes
                // A server listens from its first live-events subscriber on (its own parts subscribe
                // quietly): one here, as the SSE clients below will, before the worker publishes.
                notices.subscribe(e -> {});
                assertThat(notices.listening(10_000)).isTrue();
                aWorkerProcessIsHeardByItsOrganizationOnly(api, "-", Shared.PREFIX);
            } else {
                onlyTheServersOwnChangesAreHeard(api);
            }
        }
    }

    private void aWorkerProcessIsHeardByItsOrganizationOnly(ApiServer api, String redis, String prefix)
            throws Exception {
        String workflow = publishedWorkflow(api);
        // A run of the test's own (its start unpublished), which the worker's completion of its one task ends.
        UUID ending = Stores.create(api.db)
                .executions()
                .startWorkflow(UUID.fromString(workflow), null, null)
                .id();
        Queue queue = Queue.create(api.db); // the test's own, publishing nothing
        String ours = queue.enqueue(NewTask.named(api.org.id(), "ours")
                        .inQueue("remote")
                        .inExecution(ending)
                        .withPriority(1))
                .id()
                .toString();
        String theirs = queue.enqueue(NewTask.named(api.otherOrg.id(), "theirs").inQueue("remote"))
                .id()
                .toString();
        try (SseReader viewer = new SseReader(api.base(), api.viewer.key(), "", null);
                SseReader other = new SseReader(api.base(), api.otherAdmin.key(), "", null)) {
            assertThat(viewer.status()).isEqualTo(200);
            assertThat(other.status()).isEqualTo(200);

            runWorker(api, redis, prefix, workflow);

            List<SseReader.Received> got = List.of(viewer.next(), viewer.next(), viewer.next(), viewer.next());
            assertThat(got)
                    .extracting(SseReader.Received::event)
                    .containsExactly("workflow.started", "task.claimed", "task.succeeded", "workflow.finished");
            assertThat(got.get(0).data()).contains(workflow).doesNotContain(ending.toString());
            assertThat(got.get(2).data()).contains(ours).contains("\"queue\":\"remote\"");
            assertThat(got.get(3).data()).contains(ending.toString()).contains("SUCCEEDED");
            // The other organization's task was worked after ours, on one ordered bus: its first
            // event coming first proves nothing of ours reached that client.
            SseReader.Received first = other.next();
            assertThat(first.event()).isEqualTo("task.claimed");
            assertThat(first.data()).contains(theirs).doesNotContain(ours);
            assertThat(other.next().event()).isEqualTo("task.succeeded");
        }
    }

    private void onlyTheServersOwnChangesAreHeard(ApiServer api) throws Exception {
        String workflow = publishedWorkflow(api);
        Queue.create(api.db).enqueue(NewTask.named(api.org.id(), "ours").inQueue("remote"));
        try (SseReader viewer = new SseReader(api.base(), api.viewer.key(), "", null)) {
            assertThat(viewer.status()).isEqualTo(200);
            runWorker(api, "-", Shared.PREFIX, workflow);
            String marker = api.operator
                    .post("/api/tasks", Map.of("name", "marker", "queue", "local"))
                    .text("/id");
            // The worker had finished before the server's own change: none of its events came first.
            SseReader.Received first = viewer.next();
            assertThat(first.event()).isEqualTo("task.enqueued");
            assertThat(first.data()).contains(marker);
        }
    }

    private static String publishedWorkflow(ApiServer api) {
        String workflow =
                api.operator.post("/api/workflows", Map.of("name", "remote")).text("/id");
        api.operator.post("/api/workflows/" + workflow + "/versions", Map.of("changeNote", "first"));
        return workflow;
    }

    private static void runWorker(ApiServer api, String redis, String prefix, String workflow) throws Exception {
        Process p = JavaProcess.of(RemoteWorker.class, api.test.url(), redis, prefix, workflow)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out;
        try (var lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            out = String.join("\n", lines.lines().toList());
        }
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains(RemoteWorker.DONE);
    }
}
