package dev.flowbase.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * {@code --stored N}: N finished tasks written straight into the schema with {@code INSERT … SELECT}
 * over a generated series, each with its succeeded attempt, as a queue that has run for a while
 * holds them. Not through the queue API: a million tasks that way would take longer than the
 * measurement. They sit in a queue of their own, so only the size of the tables can weigh on the
 * measured run. When the schema's tables change, this SQL follows them.
 */
final class StoredTasks {
    private static final int CHUNK = 100_000;

    /** One engine's statements: N tasks named by the chunk (org, n, name), their attempts (name), statistics. */
    private record Sql(String tasks, String attempts, String analyze) {}

    private static final String ATTEMPTS = """
            INSERT INTO task_executions (organization_id, task_id, attempt, status, worker, started_at,
                                         completed_at, duration_ms)
            SELECT organization_id, id, 1, 'succeeded', 'stored', started_at, completed_at, 0
            FROM tasks WHERE name = ?""";

    private static Sql sql(BenchDatabase.Engine engine) {
        String columns =
                "INSERT INTO tasks (organization_id, name, status, queue_name, attempt, started_at, completed_at) ";
        return switch (engine) {
            case POSTGRESQL ->
                new Sql(
                        columns
                                + "SELECT ?, ?, 'succeeded', 'bench-stored', 1, now(), now() FROM generate_series(1, ?)",
                        ATTEMPTS,
                        // What autovacuum would have done by now (the shared server runs with it off).
                        "VACUUM ANALYZE tasks, task_executions");
            case MARIADB ->
                new Sql(
                        columns
                                + "SELECT ?, ?, 'succeeded', 'bench-stored', 1, now(6), now(6) FROM seq_1_to_1000000 LIMIT ?",
                        ATTEMPTS,
                        "ANALYZE TABLE tasks, task_executions");
            case SQLITE ->
                new Sql(
                        "WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g LIMIT ?3) "
                                + columns
                                + "SELECT ?1, ?2, 'succeeded', 'bench-stored', 1,"
                                + " strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM g",
                        ATTEMPTS,
                        "ANALYZE");
        };
    }

    private StoredTasks() {}

    /** Writes {@code n} finished tasks of {@code org}; returns the seconds it took, the statistics included. */
    static double fill(BenchDatabase db, UUID org, int n) throws SQLException {
        Sql sql = sql(db.engine());
        long start = System.nanoTime();
        try (Connection c = db.connect();
                PreparedStatement tasks = c.prepareStatement(sql.tasks());
                PreparedStatement attempts = c.prepareStatement(sql.attempts())) {
            for (int done = 0; done < n; done += CHUNK) {
                String name = "stored-" + done; // the chunk's attempts find its tasks by name
                if (db.engine() == BenchDatabase.Engine.POSTGRESQL) {
                    tasks.setObject(1, org);
                } else {
                    tasks.setString(1, org.toString());
                }
                tasks.setString(2, name);
                tasks.setInt(3, Math.min(CHUNK, n - done));
                tasks.executeUpdate();
                attempts.setString(1, name);
                attempts.executeUpdate();
                System.err.printf("stored: %,d of %,d%n", Math.min(done + CHUNK, n), n);
            }
            try (Statement s = c.createStatement()) {
                s.execute(sql.analyze());
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
