package dev.flowbase.server.http;

import dev.flowbase.Flowbase;
import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.status.BreakerCheck;
import dev.flowbase.status.Check;
import dev.flowbase.status.MigrationsCheck;
import dev.flowbase.status.Status;
import dev.flowbase.status.Verdict;
import dev.flowbase.util.OwnThread;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * {@code GET /health}: 200 only when the database answers, its storage is there and its migrations
 * are current. The checks run on their own thread and the answer comes within {@link #BOUND}
 * whatever the database does, since a probe that hangs is worse than one that says "unavailable".
 */
public final class HealthRoutes implements RouteGroup {
    /** A check's verdict ({@code ok} or {@code unavailable}), what it saw, and the milliseconds it took. */
    public record CheckView(String status, String detail, long ms) {}

    /** Both {@code /health} and {@code /health/ready}: the verdict, the engine and versions, each check. */
    public record Health(
            String status, String engine, String serverVersion, String version, Map<String, CheckView> checks) {}

    public record Live(String status) {}

    static final Duration BOUND = Duration.ofSeconds(2);

    private final Database database;
    private final Migrator migrator;
    private final Status status;

    HealthRoutes(Database database) {
        this.database = database;
        this.migrator = Migrator.configure().database(database).load();
        this.status = Status.of(database);
    }

    @Override
    public void register(Router r) {
        r.group("health");
        r.get("/health", Access.PUBLIC, this::health)
                .summary("200 when the database answers and its migrations are current, else 503")
                .returns(Health.class)
                .returns(503, Body.of(Health.class));
        r.get("/health/live", Access.PUBLIC, call -> new Live("ok"))
                .summary("The process answers; nothing else is asked")
                .returns(Live.class);
        r.get("/health/ready", Access.PUBLIC, this::ready)
                .summary("200 when the database answers, migrations are current and the pool has room")
                .returns(Health.class)
                .returns(503, Body.of(Health.class));
    }

    private Object health(Call call) {
        Map<String, CheckView> checks = checksWithin("flowbase-health", this::checks);
        boolean up = allOk(checks);
        return Reply.status(up ? 200 : 503, health(up, checks));
    }

    /**
     * {@code GET /health/ready}: 200 only when the database answers, the migrations are current and
     * the pool is not exhausted; each check with its status, detail and milliseconds. Bounded as
     * {@code /health} is.
     */
    private Object ready(Call call) {
        Map<String, CheckView> checks = checksWithin("flowbase-ready", this::readiness);
        boolean up = allOk(checks);
        return Reply.status(up ? 200 : 503, health(up, checks));
    }

    private Health health(boolean up, Map<String, CheckView> checks) {
        return new Health(
                up ? "ok" : "unavailable",
                database.engine().id(),
                database.facts().version(),
                Flowbase.version(),
                checks);
    }

    private Map<String, CheckView> readiness() {
        Map<String, CheckView> checks = new LinkedHashMap<>();
        for (Check c : status.readiness().checks()) {
            checks.put(
                    c.name(),
                    new CheckView(c.verdict() == Verdict.FAILING ? "unavailable" : "ok", c.detail(), c.millis()));
        }
        return checks;
    }

    private static boolean allOk(Map<String, CheckView> checks) {
        return checks.values().stream().allMatch(c -> "ok".equals(c.status()));
    }

    /** Runs {@code checks} on a thread of its own and answers within {@link #BOUND} whatever they do. */
    private static Map<String, CheckView> checksWithin(String thread, Supplier<Map<String, CheckView>> checks) {
        long start = System.nanoTime();
        CompletableFuture<Map<String, CheckView>> run = OwnThread.start(thread, checks::get);
        try {
            return run.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Map.of("database", check("unavailable", "no answer within " + BOUND.toMillis() + " ms", start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of("database", check("unavailable", "interrupted", start));
        } catch (ExecutionException e) {
            return Map.of(
                    "database",
                    check(
                            "unavailable",
                            "the check failed: " + e.getCause().getClass().getSimpleName(),
                            start));
        }
    }

    private Map<String, CheckView> checks() {
        Map<String, CheckView> checks = new LinkedHashMap<>();
        Check breaker = BreakerCheck.of(database.breaker().state());
        checks.put(
                "breaker",
                new CheckView(breaker.verdict() == Verdict.FAILING ? "unavailable" : "ok", breaker.detail(), 0));
        long start = System.nanoTime();
        if (database.storageMissing()) {
            checks.put(
                    "database",
                    check(
                            "unavailable",
                            "the database file " + database.config().database() + " is gone",
                            start));
            return checks;
        }
        try (Connection c = database.connection()) {
            boolean valid = c.isValid((int) BOUND.toSeconds());
            CheckView database = check(valid ? "ok" : "unavailable", "does not answer", start);
            // Worded as /health/ready's database check, so both routes read alike.
            checks.put(
                    "database",
                    valid ? new CheckView("ok", "answers in " + database.ms() + " ms", database.ms()) : database);
        } catch (Exception e) {
            checks.put("database", check("unavailable", "does not answer", start));
            return checks;
        }
        checks.put("migrations", migrations());
        return checks;
    }

    /** Every script applied and every applied file present; otherwise what is not. */
    private CheckView migrations() {
        long start = System.nanoTime();
        Check migrations = MigrationsCheck.of(migrator.status());
        return check(migrations.verdict() == Verdict.OK ? "ok" : "unavailable", migrations.detail(), start);
    }

    /** A check that began at {@code startNanos} and ends now. */
    private static CheckView check(String status, String detail, long startNanos) {
        return new CheckView(status, detail, (System.nanoTime() - startNanos) / 1_000_000);
    }
}
