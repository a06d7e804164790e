package dev.flowbase.server.http;

import dev.flowbase.Flowbase;
import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.status.Check;
import dev.flowbase.status.MigrationsCheck;
import dev.flowbase.status.Status;
import dev.flowbase.status.Verdict;
import dev.flowbase.util.OwnThread;
import io.javalin.http.Context;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * {@code GET /health}: 200 only when the database answers, its storage is there and its migrations
 * are current. The checks run on their own thread and the answer comes within {@link #BOUND}
 * whatever the database does, since a probe that hangs is worse than one that says "unavailable".
 */
final class HealthRoutes {
    static final Duration BOUND = Duration.ofSeconds(2);

    private final Database database;
    private final Migrator migrator;
    private final Status status;

    HealthRoutes(Database database) {
        this.database = database;
        this.migrator = Migrator.configure().database(database).load();
        this.status = Status.of(database);
    }

    void health(Context ctx) {
        Map<String, Object> checks = checksWithin("flowbase-health", this::checks);
        boolean up = allOk(checks);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "ok" : "unavailable");
        body.put("engine", database.engine().id());
        body.put("serverVersion", database.facts().version());
        body.put("version", Flowbase.version());
        body.put("checks", checks);
        ctx.status(up ? 200 : 503).json(body);
    }

    /** {@code GET /health/live}: the process answers; nothing else is asked. */
    void live(Context ctx) {
        ctx.json(Map.of("status", "ok"));
    }

    /**
     * {@code GET /health/ready}: 200 only when the database answers, the migrations are current and
     * the pool is not exhausted; each check with its status, detail and milliseconds. Bounded as
     * {@code /health} is.
     */
    void ready(Context ctx) {
        Map<String, Object> checks = checksWithin("flowbase-ready", this::readiness);
        boolean up = allOk(checks);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "ok" : "unavailable");
        body.put("checks", checks);
        ctx.status(up ? 200 : 503).json(body);
    }

    private Map<String, Object> readiness() {
        Map<String, Object> checks = new LinkedHashMap<>();
        for (Check c : status.readiness().checks()) {
            Map<String, Object> check = check(c.verdict() == Verdict.FAILING ? "unavailable" : "ok", c.detail());
            check.put("ms", c.millis());
            checks.put(c.name(), check);
        }
        return checks;
    }

    private static boolean allOk(Map<String, Object> checks) {
        return checks.values().stream().allMatch(c -> "ok".equals(((Map<?, ?>) c).get("status")));
    }

    /** Runs {@code checks} on a thread of its own and answers within {@link #BOUND} whatever they do. */
    private static Map<String, Object> checksWithin(String thread, Supplier<Map<String, Object>> checks) {
        CompletableFuture<Map<String, Object>> run = OwnThread.start(thread, checks::get);
        try {
            return run.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Map.of("database", check("unavailable", "no answer within " + BOUND.toMillis() + " ms"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of("database", check("unavailable", "interrupted"));
        } catch (java.util.concurrent.ExecutionException e) {
            return Map.of(
                    "database",
                    check(
                            "unavailable",
                            "the check failed: " + e.getCause().getClass().getSimpleName()));
        }
    }

    private Map<String, Object> checks() {
        Map<String, Object> checks = new LinkedHashMap<>();
        if (database.storageMissing()) {
            checks.put(
                    "database",
                    check(
                            "unavailable",
                            "the database file " + database.config().database() + " is gone"));
            return checks;
        }
        long start = System.nanoTime();
        try (Connection c = database.connection()) {
            boolean valid = c.isValid((int) BOUND.toSeconds());
            checks.put(
                    "database", check(valid ? "ok" : "unavailable", (System.nanoTime() - start) / 1_000_000 + " ms"));
        } catch (Exception e) {
            checks.put("database", check("unavailable", "does not answer"));
            return checks;
        }
        checks.put("migrations", migrations());
        return checks;
    }

    /** Every script applied and every applied file present; otherwise what is not. */
    private Map<String, Object> migrations() {
        Check migrations = MigrationsCheck.of(migrator.status());
        return check(migrations.verdict() == Verdict.OK ? "ok" : "unavailable", migrations.detail());
    }

    private static Map<String, Object> check(String status, String detail) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("status", status);
        check.put("detail", detail);
        return check;
    }
}
