package dev.flowbase.status;

import dev.flowbase.cache.Shared;
import dev.flowbase.db.Database;
import dev.flowbase.db.PoolStats;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.queue.Fallback;
import dev.flowbase.queue.FallbackStats;
import dev.flowbase.queue.Queue;
import dev.flowbase.queue.QueueDepth;
import dev.flowbase.redis.RedisCheck;
import dev.flowbase.store.ComponentHeartbeat;
import dev.flowbase.store.Stores;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Collects a {@link Report}: the database answers, its migrations are current, the pool has room,
 * no queue holds dead letters, the disk of an embedded database has room. Thresholds are seed 004's
 * defaults: pool use over 80% and disk use over 90% are warnings.
 */
public final class Status {
    private final Database db;
    private final Clock clock;
    private final Thresholds thresholds;
    private final Optional<String> redisUrl;
    /** The server's live shared state, when a server asks: its Redis link, not a new connection. */
    private final Shared shared;
    /** Loaded once: the scripts on the classpath do not change while a process watches. */
    private final Migrator migrator;

    private final Queue queue;
    private final Stores stores;
    /** Whether the database check names the server's address: on the operator's command line, not over HTTP. */
    private final boolean namesServer;
    /** The fallback's outbox, when one is configured; else null. */
    private final Supplier<FallbackStats> fallback;

    private Status(
            Database db,
            Clock clock,
            Thresholds thresholds,
            Optional<String> redisUrl,
            Shared shared,
            boolean namesServer,
            Supplier<FallbackStats> fallback) {
        this.shared = shared;
        this.fallback = fallback;
        this.namesServer = namesServer;
        this.db = db;
        this.clock = clock;
        this.thresholds = thresholds;
        this.redisUrl = redisUrl;
        this.migrator = Migrator.configure().database(db).load();
        this.queue = Queue.create(db);
        this.stores = Stores.create(db);
    }

    public static Status of(Database db) {
        return of(db, Thresholds.DEFAULTS);
    }

    public static Status of(Database db, Thresholds thresholds) {
        return new Status(db, Clock.systemUTC(), thresholds, Optional.empty(), null, false, null);
    }

    /** The same status, also asking the Redis at {@code url} (when configured) whether it answers. */
    public Status withRedis(Optional<String> url) {
        return new Status(db, clock, thresholds, url, shared, namesServer, fallback);
    }

    /** The same status, reporting where the server's cache, limits and events live now, and the hit rate. */
    public Status withShared(Shared newShared) {
        return new Status(db, clock, thresholds, redisUrl, newShared, namesServer, fallback);
    }

    /** The same status, naming the server the database check reached ({@code primary at db2:5432}). */
    public Status namingTheServer() {
        return new Status(db, clock, thresholds, redisUrl, shared, true, fallback);
    }

    /** The same status, also reporting the fallback's outbox as {@code stats} reads it. */
    public Status withFallback(Supplier<FallbackStats> stats) {
        return new Status(db, clock, thresholds, redisUrl, shared, namesServer, stats);
    }

    /** The same status, also reporting {@code live}'s outbox when it is configured. */
    public Status withFallback(Fallback live) {
        return live.configured() ? withFallback(live::stats) : this;
    }

    public Report collect() {
        return collect(true);
    }

    /**
     * Only what decides whether this process can serve requests now: the database answers, its
     * migrations are current, the pool is not exhausted ({@code /health/ready}).
     */
    public Report readiness() {
        return collect(false);
    }

    private Report collect(boolean everything) {
        List<Check> checks = new ArrayList<>();
        List<QueueDepth> queues = new ArrayList<>();
        PoolStats before = db.poolStats();
        if (exhausted(before)) {
            // Asking the database now would only add one more waiter to the pool.
            checks.add(new Check("database", Verdict.FAILING, "not asked: the pool is exhausted"));
            checks.add(pool(before, thresholds.poolUsePercent()));
            return new Report(
                    clock.instant(),
                    Verdict.FAILING,
                    db.engine().id(),
                    null,
                    db.config().database(),
                    checks,
                    before,
                    queues);
        }
        checks.add(BreakerCheck.of(db.breaker().state()));
        Check database = timed(this::database);
        checks.add(database);
        if (database.verdict() == Verdict.OK) {
            Check migrations = timed(() -> MigrationsCheck.of(migrator.status()));
            checks.add(migrations);
            if (everything && migrations.verdict() == Verdict.OK) {
                checks.add(timed(() -> {
                    queues.addAll(queue.depth());
                    return deadLetters(queues, thresholds.deadLetters());
                }));
                checks.add(timed(() -> lag(queue.oldestReady(), clock.instant(), thresholds.queueLag())));
                checks.add(timed(() -> workers(stores.components().heartbeats(WORKER), clock.instant())));
            }
        }
        PoolStats pool = db.poolStats();
        checks.add(pool(pool, thresholds.poolUsePercent()));
        if (everything) {
            disk().ifPresent(checks::add);
            if (fallback != null) {
                checks.add(timed(() -> FallbackCheck.of(fallback)));
            }
            if (shared != null) {
                checks.add(SharedCheck.of(shared));
            } else {
                redisUrl.ifPresent(url -> checks.add(timed(() -> redis(url))));
            }
        }
        Verdict verdict = checks.stream().map(Check::verdict).reduce(Verdict.OK, Verdict::and);
        return new Report(
                clock.instant(),
                verdict,
                db.engine().id(),
                database.verdict() == Verdict.OK ? db.facts().version() : null,
                db.config().database(),
                checks,
                pool,
                queues);
    }

    private static Check timed(Supplier<Check> check) {
        long start = System.nanoTime();
        Check done = check.get();
        return done.took((System.nanoTime() - start) / 1_000_000);
    }

    private Check database() {
        if (db.storageMissing()) {
            return new Check(
                    "database",
                    Verdict.FAILING,
                    "the database file " + db.config().database() + " is gone");
        }
        long start = System.nanoTime();
        try (Connection c = db.connection()) {
            boolean valid = c.isValid(2);
            long ms = (System.nanoTime() - start) / 1_000_000;
            String server = valid
                    ? db.dialect()
                            .describeServer(c)
                            .map(r -> " (" + r.describe(namesServer) + ")")
                            .orElse("")
                    : "";
            return valid
                    ? Check.ok("database", "answers in " + ms + " ms" + server)
                    : new Check("database", Verdict.FAILING, "does not answer within 2 s");
        } catch (Exception e) {
            return new Check("database", Verdict.FAILING, "does not answer");
        }
    }

    static Check pool(PoolStats pool, int warnPercent) {
        String detail = pool.active() + " of " + pool.max() + " connections in use, " + pool.idle() + " idle, "
                + pool.waiting() + " waiting";
        if (exhausted(pool)) {
            return new Check("pool", Verdict.FAILING, detail + ": exhausted");
        }
        return pool.max() > 0 && pool.active() * 100 > warnPercent * pool.max()
                ? new Check("pool", Verdict.WARNING, detail + ": over " + warnPercent + "%")
                : Check.ok("pool", detail);
    }

    private static boolean exhausted(PoolStats pool) {
        return pool.waiting() > 0 && pool.active() >= pool.max();
    }

    static Check deadLetters(List<QueueDepth> queues, int warnAt) {
        long dead = queues.stream().mapToLong(QueueDepth::dead).sum();
        long ready = queues.stream().mapToLong(QueueDepth::ready).sum();
        long running = queues.stream().mapToLong(QueueDepth::running).sum();
        String detail = ready + " ready, " + running + " running, " + dead + " dead in " + queues.size() + " queue(s)";
        return dead < warnAt
                ? Check.ok("queues", detail)
                : new Check("queues", Verdict.WARNING, detail + ": dead letters wait for `flowbase queue requeue`");
    }

    /** A worker is silent when it has not sent a heartbeat for this long. */
    static final Duration SILENT = Duration.ofMinutes(2);

    /** The component type a worker registers as. */
    static final String WORKER = "worker";

    /** The workers that registered as components ({@code type} worker), and whether they still beat. */
    static Check workers(List<ComponentHeartbeat> workers, Instant now) {
        if (workers.isEmpty()) {
            return Check.ok("workers", "none registered");
        }
        List<String> silent = workers.stream()
                .filter(w -> w.lastHeartbeatAt() == null || w.lastHeartbeatAt().isBefore(now.minus(SILENT)))
                .map(ComponentHeartbeat::name)
                .toList();
        String detail = (workers.size() - silent.size()) + " of " + workers.size() + " beating";
        return silent.isEmpty()
                ? Check.ok("workers", detail)
                : new Check(
                        "workers",
                        Verdict.WARNING,
                        detail + "; silent for over " + SILENT.toMinutes() + " min: " + String.join(", ", silent));
    }

    private static Check redis(String url) {
        try {
            var r = RedisCheck.run(url);
            return Check.ok(
                    "redis",
                    "Redis " + r.version() + " answers in " + r.roundTrip().toMillis() + " ms");
        } catch (FlowbaseException e) {
            return new Check("redis", Verdict.WARNING, e.getMessage());
        }
    }

    /** The longest a ready task has waited to be claimed, in any queue, against the threshold. */
    static Check lag(Map<String, Instant> oldestReady, Instant now, Duration warn) {
        if (oldestReady.isEmpty()) {
            return Check.ok("queue lag", "no task waits");
        }
        var oldest = oldestReady.entrySet().stream()
                .min(Map.Entry.comparingByValue())
                .orElseThrow();
        long seconds = Math.max(0, Duration.between(oldest.getValue(), now).toSeconds());
        String detail = "the oldest ready task has waited " + seconds + " s (queue " + oldest.getKey() + ")";
        return seconds > warn.toSeconds()
                ? new Check("queue lag", Verdict.WARNING, detail + ": over " + warn.toSeconds() + " s")
                : Check.ok("queue lag", detail);
    }

    /** The disk an embedded database lives on; a server's disk is its server's business. */
    private Optional<Check> disk() {
        if (!db.engine().isEmbedded()) {
            return Optional.empty();
        }
        try {
            Path file = Path.of(db.config().database()).toAbsolutePath();
            FileStore store = Files.getFileStore(Files.exists(file) ? file : file.getParent());
            double used = 1 - (double) store.getUsableSpace() / store.getTotalSpace();
            String detail = Math.round(used * 100) + "% used, " + store.getUsableSpace() / (1024 * 1024) + " MiB free";
            return Optional.of(
                    used * 100 > thresholds.diskUsePercent()
                            ? new Check("disk", Verdict.WARNING, detail + ": over " + thresholds.diskUsePercent() + "%")
                            : Check.ok("disk", detail));
        } catch (IOException | RuntimeException e) {
            return Optional.of(new Check("disk", Verdict.WARNING, "cannot be measured: " + e.getMessage()));
        }
    }
}
