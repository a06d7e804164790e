package dev.flowbase.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.flowbase.config.ConfigLoader;
import dev.flowbase.config.FlowbaseConfig;
import dev.flowbase.config.Settings;
import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.queue.Queue;
import dev.flowbase.store.AccessRole;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.OrganizationStore;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /metrics} is valid Prometheus text (every sample line parses, every family is typed once)
 * and shows what an operator looks for: requests, the pool, statement timings by name, queue depth.
 */
class MetricsTest {
    /** A sample line of the text exposition format: name, optional labels, a number. */
    private static final Pattern SAMPLE =
            Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*\\})?"
                    + " (-?[0-9.eE+-]+|NaN|\\+Inf|-Inf)");

    private final HttpClient http = HttpClient.newHttpClient();

    @EngineTest
    void metricsParseAndShowRequestsPoolStatementsAndQueueDepth(TestDatabase test, Database db) throws Exception {
        Migrator.configure().database(db).load().migrate();
        UUID org = Stores.create(db).organizations().create("Acme", "acme").id();
        Queue queue = Queue.create(db);
        queue.enqueue(NewTask.named(org, "a").inQueue("mail"));
        queue.enqueue(NewTask.named(org, "b").inQueue("mail"));
        queue.claim("mail", 1, "w", Duration.ofMinutes(1));
        var duplicate = catchThrowable(() -> Stores.create(db).organizations().create("Acme again", "acme"));
        assertThat(duplicate).as("a second organization with the same slug").isNotNull();
        FlowbaseConfig config = new ConfigLoader()
                .environment(Map.of("FLOWBASE_PORT", "0"))
                .flag(Settings.DATABASE_URL, test.url())
                .load();
        var stores = Stores.create(db);
        var installation = stores.organizations().create("Installation", OrganizationStore.INSTALLATION_SLUG);
        String installationKey = stores.apiKeys()
                .create(installation.id(), "scraper", AccessRole.VIEWER, null)
                .secret();
        String acmeAdmin =
                stores.apiKeys().create(org, "acme", AccessRole.ADMIN, null).secret();
        try (FlowbaseServer server = FlowbaseServer.start(config, db)) {
            assertThat(get(server, "/health", null).statusCode()).isEqualTo(200);
            assertThat(get(server, "/no-such-route", null).statusCode()).isEqualTo(404);
            // Every organization's queues are in it: a key of the installation's, not an organization's admin.
            assertThat(get(server, "/metrics", null).statusCode()).isEqualTo(401);
            assertThat(get(server, "/metrics", acmeAdmin).statusCode()).isEqualTo(403);

            HttpResponse<String> metrics = get(server, "/metrics", installationKey);

            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            Map<String, Double> samples = parse(metrics.body());
            assertThat(samples)
                    .containsEntry("flowbase_queue_tasks{queue=\"mail\",state=\"ready\"}", 1.0)
                    .containsEntry("flowbase_queue_tasks{queue=\"mail\",state=\"running\"}", 1.0)
                    .containsEntry("flowbase_queue_tasks{queue=\"mail\",state=\"dead\"}", 0.0);
            assertThat(samples.get("flowbase_pool_connections_max")).isPositive();
            assertThat(samples.get("flowbase_database_errors_total{kind=\"unique_violation\"}"))
                    .isGreaterThanOrEqualTo(1.0);
            assertThat(samples.keySet())
                    .anyMatch(k -> k.startsWith("flowbase_http_requests_seconds_count{")
                            && k.contains("route=\"/health\"")
                            && k.contains("status=\"200\""))
                    .anyMatch(k -> k.startsWith("flowbase_http_requests_seconds_count{")
                            && k.contains("route=\"unmatched\"")
                            && k.contains("status=\"404\""))
                    .noneMatch(k -> k.contains("no-such-route"));
            assertThat(samples.entrySet())
                    .anyMatch(e -> e.getKey().equals("flowbase_query_seconds_count{statement=\"INSERT tasks\"}")
                            && e.getValue() >= 2);
            assertThat(metrics.body()).doesNotContain("Acme").doesNotContain(org.toString());
        }
    }

    /** Every non-comment line must be a sample; every family's TYPE comes once. Returns series to value. */
    private static Map<String, Double> parse(String body) {
        Map<String, Double> samples = new HashMap<>();
        Map<String, Integer> types = new HashMap<>();
        for (String line : List.of(body.split("\n"))) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                types.merge(line.split(" ")[2], 1, Integer::sum);
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            assertThat(m.matches()).as("a sample line: %s", line).isTrue();
            samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
        }
        assertThat(types.values()).as("each family typed once").allMatch(n -> n == 1);
        return samples;
    }

    private HttpResponse<String> get(FlowbaseServer server, String path, String key) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
