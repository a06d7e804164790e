package dev.flowbase.server.http;

import dev.flowbase.config.FlowbaseConfig;
import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.server.logging.LogStoreAppender;
import dev.flowbase.server.logging.Logging;
import dev.flowbase.store.Stores;
import io.javalin.Javalin;

/** The HTTP server: Javalin with Flowbase's routes and one mapping from errors to problem+json. */
public final class FlowbaseServer implements AutoCloseable {
    private final Javalin app;
    private final LogStoreAppender logs;

    private FlowbaseServer(Javalin app, LogStoreAppender logs) {
        this.app = app;
        this.logs = logs;
    }

    /** Starts listening on the configured host and port (port 0 picks a free one). */
    public static FlowbaseServer start(FlowbaseConfig config, Database database) {
        HealthRoutes health = new HealthRoutes(database);
        LogStoreAppender logs = Logging.storeIn(Stores.create(database).logs());
        Metrics metrics = new Metrics(database, logs);
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.prefer405over404 = true;
            cfg.routes.before(metrics::before);
            cfg.routes.after(metrics::after);
            cfg.routes.get("/health", health::health);
            cfg.routes.get("/health/live", health::live);
            cfg.routes.get("/health/ready", health::ready);
            cfg.routes.get("/metrics", metrics::scrape);
            cfg.routes.exception(FlowbaseException.class, Problems::flowbase);
            cfg.routes.exception(Exception.class, Problems::unexpected);
            cfg.routes.error(404, "*", ctx -> Problems.write(ctx, ErrorCode.NOT_FOUND, "No route for " + ctx.path()));
            cfg.routes.error(
                    405,
                    "*",
                    ctx -> Problems.write(
                            ctx, ErrorCode.METHOD_NOT_ALLOWED, ctx.method() + " is not allowed on " + ctx.path()));
        });
        try {
            app.start(config.server().host(), config.server().port());
        } catch (RuntimeException e) {
            Logging.stopStoring(logs);
            throw new FlowbaseException(
                    ErrorCode.INVALID_ARGUMENT,
                    "Cannot listen on " + config.server().host() + ":"
                            + config.server().port() + ": " + rootMessage(e),
                    e);
        }
        return new FlowbaseServer(app, logs);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
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
