package dev.flowbase.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * {@code --stored N}: N finished tasks written straight into the schema with {@code INSERT … SELECT
 * generate_series}, each with its succeeded attempt, as a queue that has run for a while holds them.
 * Not through the queue API: a million tasks that way would take longer than the measurement. They
 * sit in a queue of their own, so only the size of the tables can weigh on the measured run. When the
 * schema's tables change, this SQL follows them.
 */
final class StoredTasks {
    private static final int CHUNK = 100_000;

    private static final String FILL = """
            WITH t AS (
                INSERT INTO tasks (organization_id, name, status, queue_name, attempt, started_at, completed_at)
                SELECT ?, 'stored', 'succeeded', 'bench-stored', 1, now(), now()
                FROM generate_series(1, ?)
                RETURNING id, organization_id)
            INSERT INTO task_executions (organization_id, task_id, attempt, status, worker, started_at,
                                         completed_at, duration_ms)
            SELECT organization_id, id, 1, 'succeeded', 'stored', now(), now(), 0 FROM t""";

    private StoredTasks() {}

    /** Writes {@code n} finished tasks of {@code org}; returns the seconds it took, VACUUM ANALYZE included. */
    static double fill(BenchDatabase db, UUID org, int n) throws SQLException {
        if (db.engine() != BenchDatabase.Engine.POSTGRESQL) {
            throw new IllegalArgumentException("--stored " + n
                    + ": stored tasks are written with PostgreSQL's generate_series; use --engine postgresql");
        }
        long start = System.nanoTime();
        try (Connection c = db.connect();
                PreparedStatement insert = c.prepareStatement(FILL)) {
            for (int done = 0; done < n; done += CHUNK) {
                insert.setObject(1, org);
                insert.setInt(2, Math.min(CHUNK, n - done));
                insert.executeUpdate();
                System.err.printf("stored: %,d of %,d%n", Math.min(done + CHUNK, n), n);
            }
            try (Statement s = c.createStatement()) {
                // What autovacuum would have done by now (the shared server runs with it off).
                s.execute("VACUUM ANALYZE tasks, task_executions");
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
