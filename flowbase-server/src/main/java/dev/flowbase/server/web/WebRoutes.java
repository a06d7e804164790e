package dev.flowbase.server.web;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.server.http.Access;
import dev.flowbase.server.http.SecurityHeaders;
import dev.flowbase.server.http.Sessions;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseHandler;
import io.javalin.http.staticfiles.Location;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin page at {@code /}: sign-in, sign-out, one handler per page, the two event streams and
 * the assets, all served by Flowbase itself. Pages read through the stores in the signed-in key's
 * name; every change a page offers is a call to the JSON API with the session cookie and its CSRF
 * token, so the API's roles and audit hold for the page as for any client.
 */
public final class WebRoutes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebRoutes.class);
    /**
     * The sign-in form's CSRF token, repeated in a cookie that only this site's own pages send
     * back (SameSite=Strict): a form posted from another site cannot sign a browser in to a key of
     * the attacker's choosing.
     */
    static final String LOGIN_COOKIE = "flowbase_login";

    private final Web web;
    private final LiveDashboard dashboard;
    private final LiveLogs logs;

    public WebRoutes(Web web) {
        this.web = web;
        this.dashboard = new LiveDashboard(web);
        this.logs = new LiveLogs(web.services().stores());
    }

    public void install(JavalinConfig cfg) {
        cfg.staticFiles.enableWebjars();
        cfg.staticFiles.add(files -> {
            files.hostedPath = "/assets";
            files.directory = "/web";
            files.location = Location.CLASSPATH;
        });
        cfg.routes.get("/login", this::loginPage);
        cfg.routes.post("/login", this::login);
        cfg.routes.post("/logout", this::logout);
        page(cfg, "/", Access.VIEWER, DashboardPage::render);
        page(cfg, "/connection", Access.VIEWER, ConnectionPage::render);
        page(cfg, "/migrations", Access.VIEWER, MigrationsPage::render);
        page(cfg, "/queue", Access.VIEWER, QueuePage::render);
        page(cfg, "/workflows", Access.VIEWER, WorkflowsPage::list);
        page(
                cfg,
                "/workflows/{id}",
                Access.VIEWER,
                v -> WorkflowsPage.one(v, uuid(v.ctx().pathParam("id"))));
        page(cfg, "/roles", Access.VIEWER, RolesPage::render);
        page(cfg, "/logs", Access.VIEWER, LogsPage::render);
        page(cfg, "/search", Access.VIEWER, SearchPage::render);
        page(cfg, "/analytics", Access.VIEWER, AnalyticsPage::render);
        page(cfg, "/settings", Access.VIEWER, SettingsPage::render);
        page(cfg, "/backups", Access.VIEWER, BackupsPage::render);
        cfg.routes.get(
                "/events/dashboard",
                ctx -> stream(ctx, Access.INSTALLATION_VIEWER, v -> new SseHandler(dashboard::join)));
        cfg.routes.get(
                "/events/logs",
                ctx -> stream(ctx, Access.OPERATOR, v -> new SseHandler(c -> logs.join(c, LogsPage.filter(v)))));
    }

    private void page(JavalinConfig cfg, String path, Access access, Function<Visit, String> render) {
        cfg.routes.get(path, ctx -> {
            Optional<Visit> visit = visit(ctx);
            if (visit.isEmpty()) {
                ctx.redirect("/login", HttpStatus.SEE_OTHER);
                return;
            }
            headers(ctx);
            try {
                ctx.html(render.apply(visit.get()));
            } catch (FlowbaseException e) {
                ctx.status(e.code().httpStatus());
                ctx.html(Layout.page(
                        visit.get(),
                        "Not possible",
                        path,
                        "<p class=\"error\" role=\"alert\">" + Html.esc(e.getMessage()) + "</p>"));
            }
        });
    }

    private void stream(Context ctx, Access access, Function<Visit, SseHandler> handler) throws Exception {
        Visit v = visit(ctx).orElseThrow(() -> new FlowbaseException(ErrorCode.UNAUTHENTICATED, "sign in first"));
        if (!v.may(access)) {
            throw new FlowbaseException(ErrorCode.FORBIDDEN, "this stream needs the " + access.label() + " role");
        }
        handler.apply(v).handle(ctx);
    }

    private Optional<Visit> visit(Context ctx) {
        return web.sessions().find(ctx.cookie(Sessions.COOKIE)).map(s -> new Visit(ctx, s, web));
    }

    private void loginPage(Context ctx) {
        headers(ctx);
        String token = ctx.queryParam("token");
        if (token != null) {
            Optional<Sessions.Session> session = web.sessions().redeem(token);
            if (session.isPresent()) {
                signedIn(ctx, session.get());
                return;
            }
            ctx.status(401)
                    .html(LoginPage.render(
                            "That sign-in link was used already or is too old; sign in with an API key.",
                            loginToken(ctx)));
            return;
        }
        ctx.html(LoginPage.render(null, loginToken(ctx)));
    }

    private void login(Context ctx) {
        headers(ctx);
        String expected = ctx.cookie(LOGIN_COOKIE);
        if (expected == null || !expected.equals(ctx.formParam("csrf"))) {
            ctx.status(403)
                    .html(LoginPage.render(
                            "The sign-in form was too old or came from another site; sign in again here.",
                            loginToken(ctx)));
            return;
        }
        try {
            web.guard().check(ctx.ip());
        } catch (FlowbaseException e) {
            LOG.info("admin page: a sign-in from {} refused: the address is locked out", ctx.ip());
            ctx.status(e.code().httpStatus()).html(LoginPage.render(e.getMessage(), loginToken(ctx)));
            return;
        }
        var principal = web.signIn().apply(ctx.formParam("apiKey"));
        if (principal.isEmpty()) {
            web.guard().failed(ctx.ip());
            LOG.info("admin page: a sign-in with an unknown, revoked or expired key from {}", ctx.ip());
            ctx.status(401).html(LoginPage.render("That API key is unknown, revoked or expired.", loginToken(ctx)));
            return;
        }
        signedIn(ctx, web.sessions().open(principal.get()));
    }

    /** A fresh sign-in form token, set in its cookie; each form shown gets its own. */
    private static String loginToken(Context ctx) {
        String token = Sessions.token();
        ctx.header("Set-Cookie", cookie(ctx, LOGIN_COOKIE, token, "/login"));
        return token;
    }

    /**
     * The session cookie of a sign-in. The session's id is always new, never one the browser
     * brought, and a session the browser was in before ends here: an id planted in a browser
     * beforehand (session fixation) is worth nothing after its owner signs in.
     */
    private void signedIn(Context ctx, Sessions.Session session) {
        String before = ctx.cookie(Sessions.COOKIE);
        if (before != null && !before.equals(session.id())) {
            web.sessions().close(before);
        }
        // The form's token cookie may stay: the next form shown replaces it.
        ctx.header("Set-Cookie", cookie(ctx, Sessions.COOKIE, session.id(), "/"));
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    /** HttpOnly and SameSite=Strict always; Secure when the browser came over TLS. */
    private static String cookie(Context ctx, String name, String value, String path) {
        return name + "=" + value + "; Path=" + path + "; HttpOnly; SameSite=Strict"
                + (SecurityHeaders.overTls(ctx) ? "; Secure" : "");
    }

    private void logout(Context ctx) {
        visit(ctx).ifPresent(v -> {
            if (v.session().csrf().equals(ctx.formParam("csrf"))) {
                web.sessions().close(v.session().id());
            }
        });
        ctx.header(
                "Set-Cookie",
                Sessions.COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
                        + (SecurityHeaders.overTls(ctx) ? "; Secure" : ""));
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    /** Pages are never cached; the security headers come from {@link SecurityHeaders}, as for every answer. */
    private static void headers(Context ctx) {
        ctx.header("Cache-Control", "no-store");
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new FlowbaseException(ErrorCode.NOT_FOUND, "No workflow " + text);
        }
    }

    @Override
    public void close() {
        dashboard.close();
        logs.close();
    }
}
