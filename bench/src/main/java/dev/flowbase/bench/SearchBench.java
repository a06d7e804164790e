package dev.flowbase.bench;

import dev.flowbase.Flowbase;
import dev.flowbase.db.Database;
import dev.flowbase.search.Search;
import dev.flowbase.store.LogEntry;
import dev.flowbase.store.PageRequest;
import dev.flowbase.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code bench/run search --engine ENGINE [--rows N] [--queries Q]}: loads N log lines of one
 * organisation (words drawn from a 5,000-word vocabulary with a Zipf-like skew, so some words are
 * common and most are rare), then times Q two-word searches through {@link Search} (kind:log, first
 * page of 20, newest first and by relevance) beside the same two words as {@code LIKE '%…%'} scans of
 * the same table in the same run. The last line is one JSON object.
 */
final class SearchBench {
    private static final int VOCABULARY = 5_000;
    private static final int BATCH = 5_000;

    private SearchBench() {}

    public static void main(String[] args) throws Exception {
        String engineName = option(args, "--engine", "postgresql");
        int rows = Integer.parseInt(option(args, "--rows", "200000"));
        int queries = Integer.parseInt(option(args, "--queries", "200"));
        int likeQueries = Math.max(5, queries / 10);
        BenchDatabase.Engine engine = BenchDatabase.Engine.valueOf(engineName.toUpperCase(Locale.ROOT));
        Path work = Files.createDirectories(Path.of("bench/target/work").toAbsolutePath());
        Random random = new Random(31);
        String[] words = new String[VOCABULARY];
        for (int i = 0; i < VOCABULARY; i++) {
            words[i] = word(random, i);
        }
        try (BenchDatabase target = BenchDatabase.create(engine, "search", work);
                Database db = Database.open(target.flowbaseConfig())) {
            Flowbase.migrator(db).migrate();
            AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
            InstantSource clock = now::get;
            Stores stores = Stores.create(db).withClock(clock);
            UUID org = stores.organizations().create("Bench", "bench").id();

            long loadStart = System.nanoTime();
            List<LogEntry.New> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < rows; i++) {
                batch.add(new LogEntry.New(
                        LogEntry.Level.INFO,
                        "worker-" + (i % 16),
                        message(random, words),
                        null,
                        org,
                        null,
                        null,
                        null,
                        null));
                if (batch.size() == BATCH || i == rows - 1) {
                    stores.logs().appendAll(batch);
                    batch.clear();
                    now.set(now.get().plus(Duration.ofSeconds(30)));
                    System.err.printf(Locale.ROOT, "\rloaded %,d of %,d log lines", i + 1, rows);
                }
            }
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            System.err.printf(Locale.ROOT, "%nloaded in %.1f s%n", loadSeconds);
            db.analyze("logs");

            Search search = Search.on(db, clock);
            String[][] pairs = new String[queries][];
            for (int i = 0; i < queries; i++) {
                // One word from the common head, one from the long tail: a realistic two-word query.
                pairs[i] = new String[] {words[random.nextInt(50)], words[50 + random.nextInt(VOCABULARY - 50)]};
            }
            Latencies warm = new Latencies(20);
            for (int i = 0; i < 20; i++) {
                String q = pairs[i % queries][0] + " " + pairs[i % queries][1] + " kind:log";
                time(warm, () -> search.search(org, q, Search.Order.NEWEST, PageRequest.first(20)));
            }
            Latencies newest = new Latencies(queries);
            Latencies ranked = new Latencies(queries);
            long hits = 0;
            for (String[] p : pairs) {
                String q = p[0] + " " + p[1] + " kind:log";
                long[] found = {0};
                time(
                        newest,
                        () -> found[0] = search.search(org, q, Search.Order.NEWEST, PageRequest.first(20))
                                .items()
                                .size());
                hits += found[0];
                time(ranked, () -> search.search(org, q, Search.Order.RELEVANCE, PageRequest.first(20)));
            }
            Latencies like = new Latencies(likeQueries);
            try (Connection c = target.connect();
                    PreparedStatement s = c.prepareStatement("SELECT id, created_at FROM logs WHERE organization_id = ?"
                            + " AND message LIKE ? AND message LIKE ? ORDER BY created_at DESC LIMIT 20")) {
                for (int i = 0; i < likeQueries; i++) {
                    if (engine == BenchDatabase.Engine.POSTGRESQL) {
                        s.setObject(1, org);
                    } else {
                        s.setString(1, org.toString());
                    }
                    s.setString(2, "%" + pairs[i][0] + "%");
                    s.setString(3, "%" + pairs[i][1] + "%");
                    time(like, () -> {
                        try (ResultSet rs = s.executeQuery()) {
                            while (rs.next()) {
                                rs.getString(1);
                            }
                        }
                        return null;
                    });
                }
            }
            System.err.printf(
                    Locale.ROOT,
                    "search newest p50 %s p99 %s; relevance p50 %s p99 %s; LIKE p50 %s p99 %s%n",
                    Latencies.millis(newest.percentileMillis(50)),
                    Latencies.millis(newest.percentileMillis(99)),
                    Latencies.millis(ranked.percentileMillis(50)),
                    Latencies.millis(ranked.percentileMillis(99)),
                    Latencies.millis(like.percentileMillis(50)),
                    Latencies.millis(like.percentileMillis(99)));
            System.out.printf(
                    Locale.ROOT,
                    "{\"bench\":\"search\",\"engine\":\"%s\",\"rows\":%d,\"queries\":%d,\"load_s\":%.1f,"
                            + "\"hits_per_query\":%.1f,\"newest_p50_ms\":%.3f,\"newest_p99_ms\":%.3f,"
                            + "\"relevance_p50_ms\":%.3f,\"relevance_p99_ms\":%.3f,\"like_queries\":%d,"
                            + "\"like_p50_ms\":%.3f,\"like_p99_ms\":%.3f,\"like_over_search_p50\":%.1f}%n",
                    engine.id,
                    rows,
                    queries,
                    loadSeconds,
                    (double) hits / queries,
                    newest.percentileMillis(50),
                    newest.percentileMillis(99),
                    ranked.percentileMillis(50),
                    ranked.percentileMillis(99),
                    likeQueries,
                    like.percentileMillis(50),
                    like.percentileMillis(99),
                    like.percentileMillis(50) / newest.percentileMillis(50));
        }
    }

    interface Timed {
        Object run() throws Exception;
    }

    private static void time(Latencies into, Timed work) throws Exception {
        long start = System.nanoTime();
        work.run();
        into.add(System.nanoTime() - start);
    }

    /** A pronounceable word, unique per index: letters only, 5 to 9 of them. */
    private static String word(Random random, int index) {
        String consonants = "bcdfghjklmnprstvz";
        String vowels = "aeiou";
        StringBuilder w = new StringBuilder();
        int n = index;
        do {
            w.append(consonants.charAt(n % consonants.length())).append(vowels.charAt((n / 17) % vowels.length()));
            n /= 85;
        } while (n > 0);
        while (w.length() < 5) {
            w.append(vowels.charAt(random.nextInt(vowels.length())));
        }
        return w.toString() + "x";
    }

    /** 8 to 20 words, the i-th word of the vocabulary drawn with weight about 1/i. */
    private static String message(Random random, String[] words) {
        int n = 8 + random.nextInt(13);
        StringBuilder m = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int k = (int) Math.floor(Math.pow(VOCABULARY, random.nextDouble())) - 1;
            m.append(i == 0 ? "" : " ").append(words[Math.min(Math.max(k, 0), VOCABULARY - 1)]);
        }
        return m.toString();
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
