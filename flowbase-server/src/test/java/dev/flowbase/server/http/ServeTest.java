package dev.flowbase.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.testing.JavaProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowbase serve} as a real process: answers /health on SQLite, stops cleanly on SIGTERM. */
class ServeTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    @TempDir
    Path dir;

    @Test
    void aFirstRunOnANewMachineInitialisesSqlitePrintsASignInLinkAndStopsOnSigterm() throws Exception {
        Process server = JavaProcess.of("dev.flowbase.server.Main", "serve", "--port", "0")
                .directory(dir.toFile())
                .redirectError(dir.resolve("stderr.log").toFile())
                .start();
        try {
            var stdout = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String base = awaitListening(stdout, dir.resolve("stderr.log"));
            String link = null;
            while (link == null) {
                String line = stdout.readLine();
                if (line == null) {
                    throw new AssertionError(
                            "serve printed no sign-in link:\n" + Files.readString(dir.resolve("stderr.log")));
                }
                link = line.contains("/login?token=") ? line.trim() : null;
            }
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> signIn =
                    http.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> again =
                    http.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString());

            // The embedded default, untouched, is initialised by serve itself: migrated, seeded, signed in once.
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(health.body()).contains("7 applied, at version 7").contains("\"engine\":\"sqlite\"");
            assertThat(dir.resolve("data/flowbase.db")).exists();
            assertThat(link).startsWith(base + "/login?token=");
            assertThat(signIn.statusCode()).isEqualTo(303);
            assertThat(signIn.headers().firstValue("Set-Cookie"))
                    .get()
                    .asString()
                    .contains("HttpOnly");
            assertThat(again.statusCode()).isEqualTo(401);
        } finally {
            server.destroy(); // SIGTERM
        }
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // 143 = 128 + SIGTERM: the JVM reports the signal, after the shutdown hook has run to the end.
        assertThat(server.exitValue()).isEqualTo(143);
        assertThat(Files.readString(dir.resolve("stderr.log")))
                .contains("Stopping: closing the HTTP server")
                .contains("Stopped cleanly");
    }

    @Test
    void twoServersStartingAtOnceWithAutoMigrateMigrateOnceAndBothServe() throws Exception {
        Process first = JavaProcess.of("dev.flowbase.server.Main", "serve", "--port", "0", "--auto-migrate")
                .directory(dir.toFile())
                .redirectError(dir.resolve("first.log").toFile())
                .start();
        Process second = JavaProcess.of("dev.flowbase.server.Main", "serve", "--port", "0", "--auto-migrate")
                .directory(dir.toFile())
                .redirectError(dir.resolve("second.log").toFile())
                .start();
        try {
            for (var started : List.of(
                    awaitListening(first, dir.resolve("first.log")),
                    awaitListening(second, dir.resolve("second.log")))) {
                HttpResponse<String> health = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(started + "/health"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
                assertThat(health.body()).contains("7 applied, at version 7");
            }
        } finally {
            first.destroy();
            second.destroy();
        }
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static String awaitListening(Process server, Path stderr) throws IOException {
        return awaitListening(
                new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)), stderr);
    }

    private static String awaitListening(BufferedReader reader, Path stderr) throws IOException {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("flowbase serve exited before listening:\n" + Files.readString(stderr));
    }
}
