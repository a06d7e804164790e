package dev.flowbase.resilience;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.config.PoolSettings;
import dev.flowbase.db.Database;
import dev.flowbase.queue.Leadership;
import dev.flowbase.queue.Queue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Two "processes" (two pools, each with its own lead of one duty, as the reaper, retention and
 * backups have theirs) taking rounds at a duty that writes one row per run: how often it ran in
 * each round is read back from the database, not from what the processes believe.
 */
final class DutyRounds implements AutoCloseable {
    static final String DUTY = "failover-duty";

    private final List<Database> processes = new ArrayList<>();
    private final List<Leadership> leads = new ArrayList<>();
    private int round;

    private DutyRounds() {}

    /** Opens both processes on {@code url}, each asking for its connections for 2 s at most. */
    static DutyRounds open(String url, Database setup) {
        setup.withHandle("Making the duty's table", h -> h.execute("CREATE TABLE duty_runs (round int, process int)"));
        DutyRounds rounds = new DutyRounds();
        for (int p = 0; p < 2; p++) {
            Database db = Database.open(DatabaseConfig.fromUrl(url).toBuilder()
                    .pool(new PoolSettings(3, 0, Duration.ofSeconds(10), Duration.ofSeconds(2)))
                    .statementTimeout(Duration.ofSeconds(5))
                    .breaker(new BreakerSettings(50, 10, Duration.ofSeconds(1), Duration.ZERO))
                    .build());
            rounds.processes.add(db);
            rounds.leads.add(Queue.create(db).leadership(DUTY));
        }
        return rounds;
    }

    /**
     * One round: each process asks for the lead, as a duty's timer does, and runs the duty when it
     * leads; returns the processes that believed they led. A run that cannot write (no primary
     * yet) is a failed run, as a duty's would be.
     */
    List<Integer> round() {
        round++;
        List<Integer> leaders = new ArrayList<>();
        for (int p = 0; p < processes.size(); p++) {
            if (!leads.get(p).lead()) {
                continue;
            }
            leaders.add(p);
            int process = p;
            try {
                processes
                        .get(p)
                        .withHandle(
                                "Running the duty",
                                h -> h.execute("INSERT INTO duty_runs (round, process) VALUES (?, ?)", round, process));
            } catch (RuntimeException e) {
                // the duty failed this round: the database is away
            }
        }
        return leaders;
    }

    int current() {
        return round;
    }

    /** How many runs each round left in the database, by round. */
    static Map<Integer, Integer> runs(Database db) {
        Map<Integer, Integer> runs = new TreeMap<>();
        db.withHandle(
                        "Counting the duty's runs",
                        h -> h.createQuery("SELECT round, count(*) AS n FROM duty_runs GROUP BY round")
                                .map((rs, ctx) -> Map.entry(rs.getInt("round"), rs.getInt("n")))
                                .list())
                .forEach(e -> runs.put(e.getKey(), e.getValue()));
        return runs;
    }

    @Override
    public void close() {
        leads.forEach(Leadership::close);
        processes.forEach(Database::close);
    }
}
