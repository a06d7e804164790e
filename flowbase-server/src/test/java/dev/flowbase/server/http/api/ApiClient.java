package dev.flowbase.server.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.flowbase.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * An HTTP client as a user's program would be: it sends JSON with a key, and it checks every answer
 * it gets against the served OpenAPI document ({@link OpenApiResponses}) and for leaks (no stack
 * frame, no password, no host in any body), so every test of the suite checks both.
 */
final class ApiClient {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final String key;

    ApiClient(String base, String key) {
        this.base = base;
        this.key = key;
    }

    String key() {
        return key;
    }

    /** An answer: status, headers, the body's text and its JSON (missing when it is not JSON). */
    record Answer(int status, HttpResponse<String> raw, JsonNode json) {
        String body() {
            return raw.body();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        JsonNode at(String pointer) {
            return json.at(pointer);
        }

        String text(String pointer) {
            return json.at(pointer).asText();
        }
    }

    /** GETs {@code path} into {@code file} (an archive); returns the status and the Content-Type. */
    String[] download(String path, java.nio.file.Path file) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            HttpResponse<java.nio.file.Path> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofFile(file));
            return new String[] {
                String.valueOf(r.statusCode()),
                r.headers().firstValue("Content-Type").orElse(""),
                r.headers().firstValue("Content-Disposition").orElse("")
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer get(String path) {
        return send("GET", path, null, Map.of());
    }

    Answer post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    Answer patch(String path, Object body, Map<String, String> headers) {
        return send("PATCH", path, body, headers);
    }

    Answer put(String path, Object body) {
        return send("PUT", path, body, Map.of());
    }

    Answer delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /** {@code body}: a String is sent as it is (for bad JSON), anything else as JSON. */
    Answer send(String method, String path, Object body, Map<String, String> headers) {
        String text = body == null ? null : body instanceof String s ? s : Json.write(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
        if (text != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Answer answer = new Answer(response.statusCode(), response, parse(response.body()));
            Leaks.check(method + " " + path, answer.body());
            OpenApiResponses.check(base, method, path, answer);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isEmpty()) {
            return MissingNode.getInstance();
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    static void assertProblem(Answer a, int status, String slug) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.header("Content-Type")).startsWith("application/problem+json");
        assertThat(a.text("/type")).isEqualTo("https://flowbase.dev/problems/" + slug);
    }
}
