package dev.flowbase.server.http.api;

import static dev.flowbase.server.http.api.ApiClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import dev.flowbase.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Every refusal, whoever makes it (a route, the session check, Jetty itself), is problem+json in HTTP's words. */
class ProblemShapesTest {
    @EngineTest
    void aBadFieldIsTitledInHttpWordsAndAnOutOfRangeNumberSaysTheRange(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            var unknown = api.operator.post("/api/tasks", Map.of("name", "x", "queu", "typo"));
            var tooBig = api.operator.post("/api/tasks", "{\"name\":\"x\",\"priority\":99999999999}");

            assertProblem(unknown, 400, "invalid-argument");
            assertThat(unknown.text("/title")).isEqualTo("A request field, parameter or header is not acceptable.");
            assertProblem(tooBig, 400, "invalid-argument");
            assertThat(tooBig.text("/errors/0/field")).isEqualTo("priority");
            assertThat(tooBig.text("/detail")).contains("99999999999").contains("-2147483648 to 2147483647");
        }
    }

    @EngineTest
    void aSessionChangeWithoutItsCsrfTokenHasATitleOfItsOwn(TestDatabase test, Database db) throws Exception {
        try (ApiServer api = ApiServer.start(test, db)) {
            String link = api.server.signInLink(api.operator.key()).orElseThrow();
            HttpResponse<String> signedIn = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base(api) + link)).build(),
                            HttpResponse.BodyHandlers.ofString());
            String cookie =
                    signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

            var withoutToken = api.anonymous.send("POST", "/api/tasks", Map.of("name", "x"), Map.of("Cookie", cookie));

            assertProblem(withoutToken, 403, "csrf-token-missing");
            assertThat(withoutToken.text("/title")).contains("CSRF").doesNotContain("access role");
        }
    }

    @EngineTest
    void aPatchMustSayWhichVersionItChanges(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            String id = api.operator.post("/api/workflows", Map.of("name", "w")).text("/id");
            String etag = api.viewer.get("/api/workflows/" + id).header("ETag");

            var without = api.operator.patch("/api/workflows/" + id, Map.of("description", "a"), Map.of());
            var matching =
                    api.operator.patch("/api/workflows/" + id, Map.of("description", "b"), Map.of("If-Match", etag));
            var stale =
                    api.operator.patch("/api/workflows/" + id, Map.of("description", "c"), Map.of("If-Match", etag));
            var any = api.operator.patch("/api/workflows/" + id, Map.of("description", "d"), Map.of("If-Match", "*"));

            assertProblem(without, 428, "precondition-required");
            assertThat(without.text("/detail")).contains("If-Match");
            assertThat(matching.status()).isEqualTo(200);
            assertProblem(stale, 412, "precondition-failed");
            assertThat(any.status()).isEqualTo(200);
            assertThat(api.viewer.get("/api/workflows/" + id).text("/description"))
                    .isEqualTo("d");
        }
    }

    @EngineTest
    void pathTraversalAndOversizedHeadersAnswerProblemJsonNotJettysHtml(TestDatabase test, Database db)
            throws IOException {
        try (ApiServer api = ApiServer.start(test, db)) {
            String traversal = raw(api, "GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            String headers = raw(
                    api,
                    "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(16 * 1024)
                            + "\r\nConnection: close\r\n\r\n");

            assertThat(traversal).contains("..");
            for (String answer : new String[] {traversal, headers}) {
                assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
                assertThat(answer).doesNotContainIgnoringCase("<html");
                String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
                assertThat(Json.read(body.substring(body.indexOf('{'), body.lastIndexOf('}') + 1))
                                .path("type")
                                .asText())
                        .startsWith("https://flowbase.dev/problems/");
            }
            assertThat(traversal).startsWith("HTTP/1.1 400");
            assertThat(headers).startsWith("HTTP/1.1 431");
        }
    }

    private static String base(ApiServer api) {
        return "http://127.0.0.1:" + api.server.port();
    }

    /** Sends {@code request} as written: an HTTP client would tidy the path or refuse the header. */
    private static String raw(ApiServer api, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", api.server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
