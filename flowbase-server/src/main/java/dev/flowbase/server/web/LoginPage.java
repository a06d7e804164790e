package dev.flowbase.server.web;

/** The sign-in form: an API key, checked as the API checks it; a session is opened for its role. */
final class LoginPage {
    private LoginPage() {}

    /** The form, with {@code csrf} (the token its cookie repeats) in a hidden field. */
    static String render(String problem, String csrf) {
        String alert = problem == null
                ? ""
                : "<p class=\"error\" role=\"alert\" id=\"login-error\">" + Html.esc(problem) + "</p>";
        return Layout.shell("Sign in", null, """
                <main id="main" class="login">
                  <h1>Flowbase</h1>
                  <form method="post" action="/login" class="card">
                    %s
                    <input type="hidden" name="csrf" value="%s">
                    <label for="api-key">API key</label>
                    <input id="api-key" name="apiKey" type="password" autocomplete="current-password" required placeholder="fb_…" autofocus>
                    <button type="submit" id="sign-in">Sign in</button>
                    <p class="muted">Make one with <code>bin/flowbase api-key create --role admin</code>. The key is sent once;
                      the browser then keeps only a session cookie.</p>
                  </form>
                </main>""".formatted(alert, Html.esc(csrf)));
    }
}
