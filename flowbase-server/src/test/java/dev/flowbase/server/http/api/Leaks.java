package dev.flowbase.server.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

/**
 * What no answer of the API may contain: a stack frame, the test databases' password or host
 * names, a JDBC URL. Every answer a test receives passes through here.
 */
final class Leaks {
    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [a-z]+\\.[\\w.$]+\\([\\w]+\\.java:\\d+\\)");

    private Leaks() {}

    static void check(String request, String body) {
        if (body == null) {
            return;
        }
        assertThat(STACK_FRAME.matcher(body).find())
                .as("a stack frame in the answer to %s: %s", request, body)
                .isFalse();
        assertThat(body)
                .as("the answer to %s", request)
                .doesNotContain("jdbc:")
                .doesNotContain(ApiServer.MASTER_KEY)
                .doesNotContain("Exception");
        if (body.contains("\"type\":\"https://flowbase.dev/problems/")) {
            // A problem never names the database's host (the client's own address may be in audit rows).
            assertThat(body)
                    .as("the problem answering %s", request)
                    .doesNotContain("127.0.0.1")
                    .doesNotContain("localhost");
        }
    }
}
