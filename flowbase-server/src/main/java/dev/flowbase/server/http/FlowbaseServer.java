package dev.flowbase.server.http;

import dev.flowbase.Flowbase;
import dev.flowbase.backup.BackupSchedule;
import dev.flowbase.cache.Shared;
import dev.flowbase.config.FlowbaseConfig;
import dev.flowbase.config.ServerSettings;
import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.queue.Reaper;
import dev.flowbase.queue.Replayer;
import dev.flowbase.queue.TaskEvents;
import dev.flowbase.server.alerting.AlertWatcher;
import dev.flowbase.server.backup.BackupDuty;
import dev.flowbase.server.backup.BackupSettings;
import dev.flowbase.server.http.routes.AccountRoutes;
import dev.flowbase.server.http.routes.AgentRoleRoutes;
import dev.flowbase.server.http.routes.AnalyticsRoutes;
import dev.flowbase.server.http.routes.ComponentRoutes;
import dev.flowbase.server.http.routes.ConfigurationRoutes;
import dev.flowbase.server.http.routes.DatabaseRoutes;
import dev.flowbase.server.http.routes.LogRoutes;
import dev.flowbase.server.http.routes.MigrationRoutes;
import dev.flowbase.server.http.routes.OrganizationRoutes;
import dev.flowbase.server.http.routes.SearchRoutes;
import dev.flowbase.server.http.routes.ServerRoutes;
import dev.flowbase.server.http.routes.TaskRoutes;
import dev.flowbase.server.http.routes.TransactionRoutes;
import dev.flowbase.server.http.routes.WorkerRoutes;
import dev.flowbase.server.http.routes.WorkflowRoutes;
import dev.flowbase.server.logging.LogRetention;
import dev.flowbase.server.logging.LogStoreAppender;
import dev.flowbase.server.logging.Logging;
import dev.flowbase.server.retention.RetentionDuty;
import dev.flowbase.server.retention.RetentionSettings;
import dev.flowbase.server.web.History;
import dev.flowbase.server.web.Web;
import dev.flowbase.server.web.WebRoutes;
import dev.flowbase.status.SchemaReady;
import dev.flowbase.status.Status;
import dev.flowbase.status.Thresholds;
import dev.flowbase.store.NotFoundException;
import dev.flowbase.store.Stores;
import dev.flowbase.util.Json;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: Javalin with every route group, one authentication before-handler, one rate
 * limiter, and one mapping from errors to problem+json. Stopping lets requests in flight finish
 * (up to the configured grace) before the caller closes the pool.
 */
public final class FlowbaseServer implements AutoCloseable {
    private final Javalin app;
    private final LogStoreAppender logs;
    private final List<Route> routes;
    /** The server's own timers (reaper, alerts, log retention), stopped before the HTTP server. */
    private final List<AutoCloseable> duties;

    private final AtomicBoolean closed = new AtomicBoolean();

    private final Sessions sessions;
    private final Authentication authentication;

    private FlowbaseServer(
            Javalin app,
            LogStoreAppender logs,
            List<Route> routes,
            Sessions sessions,
            Authentication authentication,
            List<AutoCloseable> duties) {
        this.sessions = sessions;
        this.authentication = authentication;
        this.duties = duties;
        this.app = app;
        this.logs = logs;
        this.routes = routes;
    }

    /**
     * Starts listening on the configured host and port (port 0 picks a free one), sharing cache,
     * limits and events through the Redis of {@code REDIS_URL} when one is set.
     */
    public static FlowbaseServer start(FlowbaseConfig config, Database database) {
        return start(config, database, Flowbase.shared(database, config));
    }

    /** As {@link #start(FlowbaseConfig, Database)}, with the shared state given (the server closes it). */
    public static FlowbaseServer start(FlowbaseConfig config, Database database, Shared shared) {
        RetentionSettings retentionSettings = RetentionSettings.from(config); // a bad policy stops here, first
        Optional<BackupSchedule> backupSchedule = BackupSettings.from(config); // so does a bad schedule
        // Every run and task change this server commits is published; so are other processes' (Flowbase.shared).
        Stores stores = Flowbase.stores(database, config).withEvents(shared.events());
        Services services = Services.of(config, database, stores, new TaskEvents(shared.events()));
        LogStoreAppender logs = Logging.storeIn(Stores.create(database).logs());
        Status status = Status.of(database, Thresholds.of(config.alerts()))
                .withShared(shared)
                .withFallback(services.queue().fallback());
        SchemaReady schemaReady = SchemaReady.of(database);
        AlertWatcher alerts = AlertWatcher.start(status, database, config.alerts());
        Metrics metrics = new Metrics(database, services.queue(), logs, alerts::active);
        BackupDuty backups =
                BackupDuty.start(database, backupSchedule, schemaReady, new BackupMeters(metrics.registry()));
        Predicate<UUID> keyUsable = keyId -> {
            try {
                return stores.apiKeys().get(keyId).usableAt(stores.clock().instant());
            } catch (NotFoundException e) {
                return false;
            }
        };
        // In the database, through Redis when set: either way every server on them shares the sign-ins.
        // Without Redis the cache is this process's own, which would hide another server's sign-out.
        Sessions sessions = shared.configured()
                ? Sessions.inCache(stores.clock(), keyUsable, shared.cache(), stores.pageSessions(), schemaReady)
                : Sessions.inDatabase(stores.clock(), keyUsable, stores.pageSessions(), schemaReady);
        Authentication authentication = new Authentication(stores, sessions, shared);
        EventStream events = new EventStream(shared.events());
        SharedMeters.bind(metrics.registry(), shared, events);
        WebRoutes web = new WebRoutes(new Web(
                services,
                status,
                alerts::active,
                new History(services.queue(), stores.clock(), schemaReady),
                sessions,
                authentication::signIn,
                new SignInGuard(shared, stores),
                backups::status));
        ServerSettings settings = config.server();
        RateLimiter limiter = new RateLimiter(settings.rateLimit(), settings.rateBurst(), shared.limits());

        Router router = new Router();
        List<RouteGroup> groups = List.of(
                new HealthRoutes(database),
                new DatabaseRoutes(status, Instant.now(), alerts::active),
                new MigrationRoutes(),
                new WorkflowRoutes(shared),
                new TaskRoutes(),
                new TransactionRoutes(),
                new WorkerRoutes(),
                new AgentRoleRoutes(shared.cache()),
                new ComponentRoutes(),
                new LogRoutes(),
                new SearchRoutes(),
                new AnalyticsRoutes(),
                new ConfigurationRoutes(),
                new AccountRoutes(authentication::forget),
                new OrganizationRoutes(authentication::forgetDeleted),
                new ServerRoutes());
        groups.forEach(g -> g.register(router));
        router.group("events");
        Route stream = router.get(EventStream.PATH, Access.VIEWER, call -> null)
                .summary("Live task events of the key's organization, as server-sent events")
                .returns(Body.TEXT);
        router.group("meta");
        router.get("/metrics", Access.INSTALLATION_VIEWER, metrics::scrape)
                .summary("Prometheus metrics (text format)")
                .returns(Body.TEXT);
        Route openapi = router.get("/openapi.json", Access.PUBLIC, call -> null)
                .summary("This document")
                .returns(Body.named("OpenApiDocument"));
        List<Route> routes = router.routes();
        OnFirstUse<String> document = new OnFirstUse<>(() -> Json.write(OpenApi.document(routes)));
        Api api = new Api(services, new StaleAnswers(shared.cache(), stores.clock()));

        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.prefer405over404 = true;
            cfg.http.maxRequestSize = settings.maxBodyBytes();
            cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            // Jetty waits for requests in flight only under a GracefulHandler, and at most the stop timeout.
            cfg.jetty.modifyServer(server -> {
                server.setStopTimeout(settings.shutdownGraceMillis());
                server.insertHandler(new GracefulHandler());
                server.setErrorHandler(new JettyErrors());
            });
            if (!settings.corsOrigins().isEmpty()) {
                cfg.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                    settings.corsOrigins().forEach(o -> rule.allowHost(o));
                    rule.exposeHeader("ETag");
                    rule.exposeHeader(RequestIds.HEADER);
                    rule.exposeHeader(StaleAnswers.HEADER);
                    rule.exposeHeader(Reply.DEGRADED);
                    rule.exposeHeader("Age");
                }));
            }
            cfg.routes.before(RequestIds::assign);
            cfg.routes.before(SecurityHeaders::apply);
            cfg.routes.before(metrics::before);
            cfg.routes.before("/api/*", ctx -> BodyLimit.check(ctx, settings.maxBodyBytes()));
            cfg.routes.before("/api/*", authentication::authenticate);
            // /metrics spans every organization: it takes a key of the installation's (docs/security.md).
            cfg.routes.before("/metrics", authentication::authenticate);
            cfg.routes.before("/api/*", limiter::check);
            cfg.routes.after(metrics::after);
            cfg.routes.after(RequestIds::clear);
            api.install(
                    cfg,
                    routes.stream().filter(r -> r != openapi && r != stream).toList());
            events.install(cfg);
            web.install(cfg);
            cfg.routes.get(
                    openapi.path(), ctx -> ctx.contentType("application/json").result(document.get()));
            cfg.routes.exception(HttpResponseException.class, Problems::javalin);
            cfg.routes.exception(FlowbaseException.class, Problems::flowbase);
            cfg.routes.exception(Exception.class, Problems::unexpected);
            cfg.routes.error(404, "*", ctx -> {
                if (ctx.result() == null) {
                    Problems.write(ctx, ErrorCode.NOT_FOUND, "No route for " + ctx.path());
                }
            });
            cfg.routes.error(
                    405,
                    "*",
                    ctx -> Problems.write(
                            ctx, ErrorCode.METHOD_NOT_ALLOWED, ctx.method() + " is not allowed on " + ctx.path()));
        });
        try {
            app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            alerts.close();
            backups.close();
            web.close();
            shared.close();
            Logging.stopStoring(logs);
            throw new FlowbaseException(
                    ErrorCode.INVALID_ARGUMENT,
                    "Cannot listen on " + settings.host() + ":" + settings.port() + ": " + rootMessage(e),
                    e);
        }
        Duration reaping = Duration.ofMillis(settings.reaperIntervalMillis());
        Reaper reaper = Reaper.start(services.queue(), reaping, schemaReady);
        AutoCloseable retention =
                LogRetention.start(Stores.create(database).logs(), settings.logRetentionDays(), schemaReady);
        AutoCloseable retentionDuty = RetentionDuty.start(database, retentionSettings, schemaReady);
        AutoCloseable replayer = Replayer.start(services.queue(), Services.REPLAY_EVERY, schemaReady);
        return new FlowbaseServer(
                app,
                logs,
                routes,
                sessions,
                authentication,
                List.of(reaper, replayer, alerts, retention, retentionDuty, backups, web, events, shared));
    }

    public int port() {
        return app.port();
    }

    /**
     * A one-time sign-in link's path for the holder of {@code apiKey} (good for 15 minutes, once),
     * which {@code serve} prints on a first run so the newcomer's first page is the dashboard.
     */
    public Optional<String> signInLink(String apiKey) {
        return authentication.signIn(apiKey).map(p -> "/login?token=" + sessions.link(p));
    }

    /** Every route the server serves, with the access each needs: the table docs/api.md shows. */
    public List<Route> routes() {
        return routes;
    }

    /** Stops taking requests, lets those in flight finish within the grace, then stops. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (AutoCloseable duty : duties) {
            try {
                duty.close();
            } catch (Exception e) {
                // A timer that will not stop must not keep the server from stopping.
                LoggerFactory.getLogger(FlowbaseServer.class).warn("stopping {} failed: {}", duty, e.getMessage());
            }
        }
        app.stop();
        Logging.stopStoring(logs);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
