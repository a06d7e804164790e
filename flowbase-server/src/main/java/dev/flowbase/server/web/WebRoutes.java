package dev.flowbase.server.web;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.server.http.Access;
import dev.flowbase.server.http.Sessions;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseHandler;
import io.javalin.http.staticfiles.Location;
import java.util.Locale;
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
    /** Scripts and styles only from Flowbase itself; no frame may embed the page. */
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

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
        page(cfg, "/settings", Access.VIEWER, SettingsPage::render);
        cfg.routes.get("/events/dashboard", ctx -> stream(ctx, Access.VIEWER, v -> new SseHandler(dashboard::join)));
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
            throw new FlowbaseException(
                    ErrorCode.FORBIDDEN,
                    "this stream needs the " + access.name().toLowerCase(Locale.ROOT) + " role");
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
                            "That sign-in link was used already or is too old; sign in with an API key."));
            return;
        }
        ctx.html(LoginPage.render(null));
    }

    private void login(Context ctx) {
        headers(ctx);
        var principal = web.signIn().apply(ctx.formParam("apiKey"));
        if (principal.isEmpty()) {
            LOG.info("admin page: a sign-in with an unknown, revoked or expired key from {}", ctx.ip());
            ctx.status(401).html(LoginPage.render("That API key is unknown, revoked or expired."));
            return;
        }
        signedIn(ctx, web.sessions().open(principal.get()));
    }

    private void signedIn(Context ctx, Sessions.Session session) {
        ctx.header(
                "Set-Cookie",
                Sessions.COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Strict"
                        + ("https".equals(ctx.scheme()) ? "; Secure" : ""));
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        visit(ctx).ifPresent(v -> {
            if (v.session().csrf().equals(ctx.formParam("csrf"))) {
                web.sessions().close(v.session().id());
            }
        });
        ctx.header("Set-Cookie", Sessions.COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    private static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
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
