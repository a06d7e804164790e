package dev.flowbase.db;

import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every statement Flowbase runs through Jdbi, timed in one place and counted by its name: the verb
 * and the first table it names ({@code SELECT tasks}, {@code WITH task_queue}), never its text, so
 * no bound value can reach a metric or a log. A statement slower than the threshold is logged as a
 * slow query, with its name, duration and the Flowbase method that ran it, never its values. Bulk loads (COPY) do not pass through Jdbi.
 */
public final class QueryTimings implements SqlLogger {
    private static final Logger LOG = LoggerFactory.getLogger("dev.flowbase.slow-query");
    private static final Logger SQL_LOG = LoggerFactory.getLogger("dev.flowbase.sql");
    private static final Pattern VERB = Pattern.compile("^\\s*([A-Za-z]+)");
    private static final Pattern TABLE = Pattern.compile(
            "\\b(?:FROM|INTO|UPDATE|JOIN|TABLE)\\s+\"?([A-Za-z_][A-Za-z0-9_]*)", Pattern.CASE_INSENSITIVE);
    /** Names are few (the statements are Flowbase's own); past this many, the rest count as {@code other}. */
    private static final int MAX_NAMES = 500;

    /** One statement name's counts since the start, in seconds. */
    public record Timing(String statement, long count, long errors, double totalSeconds, double maxSeconds) {}

    /** One statement run while a {@link Capture} was open: its name and milliseconds, never its values. */
    public record Captured(String statement, double ms, boolean failed) {}

    /**
     * The statements the current thread runs until {@link #close}: what a request's {@code _debug}
     * shows. Captures are per thread because a request's statements run on its own thread.
     */
    public final class Capture implements AutoCloseable {
        private final List<Captured> statements = new ArrayList<>();
        private final Capture outer = CAPTURE.get();

        private Capture() {
            CAPTURE.set(this);
        }

        public List<Captured> statements() {
            return List.copyOf(statements);
        }

        @Override
        public void close() {
            if (outer == null) {
                CAPTURE.remove();
            } else {
                CAPTURE.set(outer);
            }
        }
    }

    private static final ThreadLocal<Capture> CAPTURE = new ThreadLocal<>();

    private final Duration slow;
    private final LongAdder slowCount = new LongAdder();
    private final Map<String, Stats> byName = new ConcurrentHashMap<>();
    private final Map<String, String> names = new ConcurrentHashMap<>();

    /** Volatile: the admin page switches it while statements run on other threads. */
    private volatile boolean debug;

    /** {@code debug} ({@code DB_DEBUG}) also logs each statement's text, as written, and time. */
    public QueryTimings(Duration slow, boolean debug) {
        this.slow = slow;
        this.debug = debug;
    }

    /** Whether each statement's text and time are logged now. */
    public boolean debug() {
        return debug;
    }

    /** Switches debug mode for this process from now on; the setting stays what it was for the next start. */
    public void debug(boolean on) {
        this.debug = on;
    }

    @Override
    public void logAfterExecution(StatementContext ctx) {
        record(ctx, false);
    }

    @Override
    public void logException(StatementContext ctx, SQLException ex) {
        record(ctx, true);
    }

    private void record(StatementContext ctx, boolean failed) {
        long nanos = ctx.getElapsedTime(ChronoUnit.NANOS);
        String sql = ctx.getRawSql();
        // Plain reads first: a known statement, the common case, takes no lock and counts no map.
        String name = names.get(sql);
        if (name == null) {
            name = names.size() < 10 * MAX_NAMES ? names.computeIfAbsent(sql, QueryTimings::nameOf) : nameOf(sql);
        }
        Stats stats = byName.get(name);
        if (stats == null) {
            stats = byName.computeIfAbsent(byName.size() < MAX_NAMES ? name : "other", n -> new Stats());
        }
        stats.count.increment();
        stats.nanos.add(nanos);
        stats.max.accumulate(nanos);
        if (failed) {
            stats.errors.increment();
        }
        if (debug) {
            // The text as written, with its :named parameters: Jdbi binds values apart from it.
            SQL_LOG.info(
                    "{} ms {}",
                    String.format(Locale.ROOT, "%.2f", nanos / 1e6),
                    sql.replaceAll("\\s+", " ").strip());
        }
        Capture capture = CAPTURE.get();
        if (capture != null) {
            capture.statements.add(new Captured(name, nanos / 1e6, failed));
        }
        if (!slow.isZero() && nanos >= slow.toNanos()) {
            slowCount.increment();
            LOG.warn(
                    "slow query: {} took {} ms (threshold {} ms), from {}",
                    name,
                    nanos / 1_000_000,
                    slow.toMillis(),
                    caller());
        }
    }

    /** Starts capturing the statements this thread runs, until the capture is closed. */
    public Capture capture() {
        return new Capture();
    }

    /** How many statements took the slow-query threshold or longer, since the start. */
    public long slowCount() {
        return slowCount.sum();
    }

    /** The slow-query threshold (zero: none is slow). */
    public Duration slowThreshold() {
        return slow;
    }

    /** The counts so far, by statement name. */
    public List<Timing> snapshot() {
        return byName.entrySet().stream()
                .map(e -> new Timing(
                        e.getKey(),
                        e.getValue().count.sum(),
                        e.getValue().errors.sum(),
                        e.getValue().nanos.sum() / 1e9,
                        e.getValue().max.get() / 1e9))
                .sorted(Comparator.comparing(Timing::statement))
                .toList();
    }

    /** The counts so far of one statement name (zeros when it has not run). */
    public Timing timing(String statement) {
        Stats s = byName.get(statement);
        return s == null
                ? new Timing(statement, 0, 0, 0, 0)
                : new Timing(statement, s.count.sum(), s.errors.sum(), s.nanos.sum() / 1e9, s.max.get() / 1e9);
    }

    private static final StackWalker WALKER = StackWalker.getInstance();
    /** The classes a statement passes through on its way to Jdbi, which no reader is looking for. */
    private static final Set<String> PLUMBING = Set.of(
            QueryTimings.class.getName(),
            Database.class.getName(),
            Transactions.class.getName(),
            "dev.flowbase.store.Tx",
            "dev.flowbase.store.Rows",
            "dev.flowbase.store.Keyset");

    /**
     * The Flowbase method that ran the statement, such as {@code TaskStore.list}: the first frame
     * of Flowbase's past the plumbing every statement goes through. Walked only for a slow statement, which is rare.
     */
    static String caller() {
        return WALKER.walk(frames -> frames.filter(f -> f.getClassName().startsWith("dev.flowbase.")
                                && !PLUMBING.contains(f.getClassName().replaceAll("\\$.*", "")))
                        .findFirst()
                        .map(f -> {
                            String type =
                                    f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1);
                            String method = f.getMethodName();
                            // lambda$list$3 is list's lambda: the method is what a reader looks for.
                            if (method.startsWith("lambda$")) {
                                method = method.substring(7, Math.max(7, method.indexOf('$', 7)));
                            }
                            return type.replace('$', '.') + "." + method;
                        }))
                .orElse("unknown");
    }

    /** {@code VERB table}: the statement's first word and the first table it reads or writes. */
    static String nameOf(String sql) {
        Matcher verb = VERB.matcher(sql);
        String name = verb.find() ? verb.group(1).toUpperCase(Locale.ROOT) : "OTHER";
        Matcher table = TABLE.matcher(sql);
        return table.find() ? name + " " + table.group(1).toLowerCase(Locale.ROOT) : name;
    }

    private static final class Stats {
        final LongAdder count = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder nanos = new LongAdder();
        final LongAccumulator max = new LongAccumulator(Math::max, 0);
    }
}
