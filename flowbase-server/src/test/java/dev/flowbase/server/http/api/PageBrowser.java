package dev.flowbase.server.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The admin page as a browser uses it: the sign-in form with its CSRF token, a page, the sign-out form. */
final class PageBrowser {
    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private PageBrowser() {}

    /** Signs in through the page's form: its CSRF token and cookie first, then the key; the session's cookie. */
    static String signIn(String base, String key) throws Exception {
        HttpResponse<String> form = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        String token = csrf(form.body());
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookie(form, "flowbase_login"))
                        .POST(HttpRequest.BodyPublishers.ofString("apiKey="
                                + URLEncoder.encode(key, StandardCharsets.UTF_8) + "&csrf="
                                + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(303);
        return cookie(r, "flowbase_session");
    }

    /** Signs out with the form every page carries. */
    static void signOut(String base, String cookie) throws Exception {
        String token = csrf(get(base, cookie).body());
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/logout"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookie)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(303);
    }

    /** The status of the dashboard for this cookie: 200 signed in, 303 (to the sign-in form) not. */
    static int page(String base, String cookie) throws Exception {
        return get(base, cookie).statusCode();
    }

    private static HttpResponse<String> get(String base, String cookie) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/"))
                        .header("Cookie", cookie)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String html) {
        Matcher token = HIDDEN_CSRF.matcher(html);
        assertThat(token.find()).as("the form has a csrf field").isTrue();
        return token.group(1);
    }

    /** The {@code name=value} of the cookie {@code name} that an answer sets. */
    private static String cookie(HttpResponse<String> r, String name) {
        return r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no " + name + " cookie in " + r.headers().map()));
    }
}
