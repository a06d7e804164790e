package dev.flowbase.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.engine.Engine;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * What a browser is told to protect the page with, read from the raw answers as an attacker's
 * page would meet them: the security headers on every kind of answer, the cookies' flags, the
 * sign-in form's CSRF token, and a fresh session at every sign-in.
 */
class WebHardeningTest {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @EngineTest
    void everyAnswerCarriesTheSecurityHeadersAndHstsOnlyOverTls(TestDatabase test, Database db) throws Exception {
        Assumptions.assumeTrue(test.engine() == Engine.SQLITE, "engine-free");
        try (PageServer app = PageServer.start(test, db)) {
            List<HttpResponse<String>> answers = List.of(
                    get(app, "/login", Map.of()),
                    get(app, "/", Map.of()),
                    get(app, "/api/organization", Map.of("Authorization", "Bearer " + app.viewer)),
                    get(app, "/api/organization", Map.of()),
                    get(app, "/api/nothing-here", Map.of("Authorization", "Bearer " + app.viewer)),
                    get(app, "/health", Map.of()),
                    get(app, "/metrics", Map.of()),
                    get(app, "/openapi.json", Map.of()),
                    get(app, "/assets/flowbase.css", Map.of()));
            var overTls = get(app, "/api/organization", Map.of("X-Forwarded-Proto", "https"));

            for (HttpResponse<String> a : answers) {
                String what = a.request().uri().getPath() + " (" + a.statusCode() + ")";
                assertThat(a.headers().firstValue("Content-Security-Policy"))
                        .as(what)
                        .hasValueSatisfying(csp -> assertThat(csp)
                                .contains("frame-ancestors 'none'", "script-src 'self'")
                                .doesNotContain("unsafe-inline", "unsafe-eval"));
                assertThat(a.headers().firstValue("X-Content-Type-Options"))
                        .as(what)
                        .contains("nosniff");
                assertThat(a.headers().firstValue("Referrer-Policy")).as(what).contains("no-referrer");
                assertThat(a.headers().firstValue("Strict-Transport-Security"))
                        .as(what)
                        .isEmpty();
            }
            assertThat(overTls.headers().firstValue("Strict-Transport-Security"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("max-age="));
        }
    }

    @EngineTest
    void theSignInFormCarriesACsrfTokenThatAPostFromElsewhereLacks(TestDatabase test, Database db) throws Exception {
        Assumptions.assumeTrue(test.engine() == Engine.SQLITE, "engine-free");
        try (PageServer app = PageServer.start(test, db)) {
            var form = get(app, "/login", Map.of());
            String token = hidden(form);
            String formCookie = cookie(form, WebRoutes.LOGIN_COOKIE);

            var fromElsewhere = post(app, Map.of("apiKey", app.admin), Map.of());
            var wrongToken = post(
                    app,
                    Map.of("apiKey", app.admin, "csrf", "guessed"),
                    Map.of("Cookie", WebRoutes.LOGIN_COOKIE + "=" + formCookie));
            var signedIn = post(
                    app,
                    Map.of("apiKey", app.admin, "csrf", token),
                    Map.of("Cookie", WebRoutes.LOGIN_COOKIE + "=" + formCookie));

            assertThat(formCookie).isEqualTo(token);
            assertThat(setCookie(form, WebRoutes.LOGIN_COOKIE)).contains("HttpOnly", "SameSite=Strict");
            assertThat(fromElsewhere.statusCode()).isEqualTo(403);
            assertThat(fromElsewhere.headers().allValues("Set-Cookie"))
                    .noneMatch(c -> c.startsWith("flowbase_session="));
            assertThat(wrongToken.statusCode()).isEqualTo(403);
            assertThat(signedIn.statusCode()).isEqualTo(303);
            assertThat(setCookie(signedIn, "flowbase_session"))
                    .contains("HttpOnly", "SameSite=Strict")
                    .doesNotContain("Secure");
        }
    }

    @EngineTest
    void aSignInAlwaysGivesANewSessionAndEndsTheOneTheBrowserBrought(TestDatabase test, Database db) throws Exception {
        Assumptions.assumeTrue(test.engine() == Engine.SQLITE, "engine-free");
        try (PageServer app = PageServer.start(test, db)) {
            String planted = signIn(app, app.viewer, Map.of());
            var plantedWorks = get(app, "/", Map.of("Cookie", "flowbase_session=" + planted));

            var form = get(app, "/login", Map.of("X-Forwarded-Proto", "https"));
            var victim = post(
                    app,
                    Map.of("apiKey", app.admin, "csrf", hidden(form)),
                    Map.of(
                            "Cookie",
                            "flowbase_session=" + planted + "; " + WebRoutes.LOGIN_COOKIE + "="
                                    + cookie(form, WebRoutes.LOGIN_COOKIE),
                            "X-Forwarded-Proto",
                            "https"));
            String fresh = cookie(victim, "flowbase_session");
            var plantedAfter = get(app, "/", Map.of("Cookie", "flowbase_session=" + planted));
            var freshWorks = get(app, "/", Map.of("Cookie", "flowbase_session=" + fresh));

            assertThat(plantedWorks.statusCode()).isEqualTo(200);
            assertThat(fresh).isNotEqualTo(planted);
            assertThat(setCookie(victim, "flowbase_session")).contains("HttpOnly", "SameSite=Strict", "Secure");
            assertThat(plantedAfter.statusCode()).isEqualTo(303);
            assertThat(plantedAfter.headers().firstValue("Location")).contains("/login");
            assertThat(freshWorks.statusCode()).isEqualTo(200);
        }
    }

    static String signIn(PageServer app, String key, Map<String, String> headers) throws Exception {
        var form = get(app, "/login", headers);
        var answer = post(
                app,
                Map.of("apiKey", key, "csrf", hidden(form)),
                Map.of("Cookie", WebRoutes.LOGIN_COOKIE + "=" + cookie(form, WebRoutes.LOGIN_COOKIE)));
        assertThat(answer.statusCode()).isEqualTo(303);
        return cookie(answer, "flowbase_session");
    }

    private static String hidden(HttpResponse<String> form) {
        Matcher m = HIDDEN_CSRF.matcher(form.body());
        assertThat(m.find()).as("the sign-in form has a csrf field").isTrue();
        return m.group(1);
    }

    private static String setCookie(HttpResponse<String> answer, String name) {
        return answer.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + answer.headers()));
    }

    private static String cookie(HttpResponse<String> answer, String name) {
        String header = setCookie(answer, name);
        return header.substring(name.length() + 1, header.indexOf(';'));
    }

    static HttpResponse<String> get(PageServer app, String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(app.base + path));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(PageServer app, Map<String, String> form, Map<String, String> headers)
            throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        var request = HttpRequest.newBuilder(URI.create(app.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
