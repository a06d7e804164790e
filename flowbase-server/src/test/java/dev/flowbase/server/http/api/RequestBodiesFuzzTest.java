package dev.flowbase.server.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.flowbase.db.Database;
import dev.flowbase.engine.Engine;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.testing.TestDatabase;
import dev.flowbase.util.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The JSON bodies of the routes that take one, under a fuzzer, sent to a real server (SQLite, port
 * 0) as a worker or a script would send them. The first byte of an input picks the route, the rest
 * is the body. Whatever the body, the answer is never a 5xx: it is a success, or a problem+json of
 * a documented 4xx type whose status is its type's, and it matches the OpenAPI document and holds
 * no stack frame. The server is shared by every input, so what one input enqueues, the next may
 * claim, settle or search.
 */
class RequestBodiesFuzzTest {
    /** The routes, by the first byte of an input (its value modulo their number): '0' is enqueue. */
    private static final List<String> ROUTES = List.of(
            "/api/tasks",
            "/api/tasks/batch",
            "/api/tasks/settle",
            "/api/queues/fuzz/claim",
            "/api/search",
            "/api/transactions",
            "/api/workflows",
            "/api/agent-roles",
            "/api/tasks/0190c0de-8f1e-7000-8000-000000000001/complete",
            "/api/tasks/0190c0de-8f1e-7000-8000-000000000001/fail");

    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [a-z]+\\.[\\w.$]+\\([\\w]+\\.java:\\d+\\)");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static TestDatabase test;
    private static ApiServer api;

    @BeforeAll
    static void startServer() {
        test = TestDatabase.create(Engine.SQLITE);
        Database db = test.open();
        api = ApiServer.start(test, db);
    }

    @AfterAll
    static void stopServer() {
        api.close();
        test.close();
    }

    /** Jackson is not instrumented (only Flowbase is), so the fuzzer is told the words of the bodies. */
    @DictionaryEntries({
        "{\"",
        "\":",
        "\",\"",
        "[{",
        "}]",
        "null",
        "true",
        "-1",
        "2147483648",
        "9223372036854775808",
        "1e999",
        "\"0190c0de-8f1e-7000-8000-000000000001\"",
        "\"2026-12-01T08:00:00Z\"",
        "name",
        "queue",
        "priority",
        "maxRetries",
        "parameters",
        "idempotencyKey",
        "runAt",
        "timeoutSeconds",
        "dependsOn",
        "tasks",
        "entries",
        "id",
        "attempt",
        "outcome",
        "succeeded",
        "failed",
        "result",
        "output",
        "error",
        "worker",
        "max",
        "leaseSeconds",
        "q",
        "limit",
        "cursor",
        "operations",
        "op",
        "task",
        "description",
        "definition",
        "status",
        "workflowId",
        "agentRoleId"
    })
    @FuzzTest(maxDuration = "10m")
    void everyBodyIsAnsweredWithASuccessOrADocumentedProblemNeverA5xx(byte[] input)
            throws IOException, InterruptedException {
        if (input.length == 0) {
            return;
        }
        String path = ROUTES.get(Byte.toUnsignedInt(input[0]) % ROUTES.size());
        String body = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + api.operator.key())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        String answer = response.body();

        assertThat(status).as("POST %s %s: %s", path, body, answer).isBetween(200, 499);
        if (status >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            String type = Json.MAPPER.readTree(answer).path("type").asText();
            assertThat(documented(status))
                    .as("POST %s %s: %s", path, body, answer)
                    .contains(type);
        }
        if (!STACK_FRAME.matcher(body).find()) {
            assertThat(STACK_FRAME.matcher(answer).find())
                    .as("a stack frame in %s", answer)
                    .isFalse();
        }
        if (!body.toLowerCase(Locale.ROOT).contains("exception")) {
            assertThat(answer).doesNotContain("Exception");
        }
        OpenApiResponses.check(
                api.base(), "POST", path, new ApiClient.Answer(status, response, Json.MAPPER.readTree(answer)));
    }

    /** The problem types that answer with {@code status}. */
    private static List<String> documented(int status) {
        return Arrays.stream(ErrorCode.values())
                .filter(c -> c.httpStatus() == status)
                .map(c -> "https://flowbase.dev/problems/" + c.slug())
                .toList();
    }
}
