package dev.flowbase.server.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The admin page as a browser signed in with a key sees it: the form's CSRF token, then the session cookie. */
final class PageSession {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final String session;

    private PageSession(String base, String session) {
        this.base = base;
        this.session = session;
    }

    static PageSession signIn(String base, String key) {
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(base + "/login")));
        Matcher m = CSRF.matcher(form.body());
        assertThat(m.find()).as("the sign-in form has a csrf field").isTrue();
        String body = "apiKey=" + URLEncoder.encode(key, StandardCharsets.UTF_8) + "&csrf="
                + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "flowbase_login=" + cookie(form, "flowbase_login"))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        return new PageSession(base, cookie(signedIn, "flowbase_session"));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", "flowbase_session=" + session));
    }

    private static String cookie(HttpResponse<String> answer, String name) {
        String header = answer.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + answer.headers()));
        return header.substring(name.length() + 1, header.indexOf(';'));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
