package dev.flowbase.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.queue.Queue;
import dev.flowbase.store.AccessRole;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.util.Map;

/**
 * The dashboard counts every organization's tasks, so its health, pool, alerts, checks and live
 * stream are the installation's: another organization's key sees its own queues only.
 */
class DashboardTenancyTest {
    @EngineTest
    void anotherOrganizationsDashboardShowsItsOwnQueuesOnly(TestDatabase test, Database db) throws Exception {
        try (PageServer app = PageServer.start(test, db)) {
            Stores stores = Stores.create(db);
            var other = stores.organizations().create("Globex", "globex-" + System.nanoTime());
            String otherViewer = stores.apiKeys()
                    .create(other.id(), "viewer", AccessRole.VIEWER, null)
                    .secret();
            Queue queue = Queue.create(db);
            queue.enqueue(NewTask.named(app.org.id(), "ours").inQueue("installation-only-queue"));
            queue.enqueue(NewTask.named(other.id(), "theirs").inQueue("globex-queue"));

            String theirs = WebHardeningTest.signIn(app, otherViewer, Map.of());
            var theirDashboard = WebHardeningTest.get(app, "/", Map.of("Cookie", "flowbase_session=" + theirs));
            var theirStream =
                    WebHardeningTest.get(app, "/events/dashboard", Map.of("Cookie", "flowbase_session=" + theirs));
            String ours = WebHardeningTest.signIn(app, app.viewer, Map.of());
            var ourDashboard = WebHardeningTest.get(app, "/", Map.of("Cookie", "flowbase_session=" + ours));

            assertThat(theirDashboard.statusCode()).isEqualTo(200);
            assertThat(theirDashboard.body())
                    .contains("globex-queue")
                    .doesNotContain("installation-only-queue", "id=\"alerts\"", "id=\"pool-meter\"", "data-live");
            assertThat(theirStream.statusCode()).isEqualTo(403);
            assertThat(ourDashboard.body()).contains("installation-only-queue", "id=\"alerts\"");
        }
    }
}
