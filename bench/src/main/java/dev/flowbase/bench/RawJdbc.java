package dev.flowbase.bench;

import dev.flowbase.util.Uuids;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * The baseline: the same SQL as the stores, on one plain JDBC connection, each row read into an
 * array of column values. What is left between this and the stores is Flowbase's overhead (pool
 * checkout, Jdbi, mapping rows to records).
 */
final class RawJdbc implements AutoCloseable {
    private final BenchDatabase.Engine engine;
    private final Connection connection;

    RawJdbc(BenchDatabase target) throws SQLException {
        this.engine = target.engine();
        this.connection = target.connect();
    }

    /** The driver options a careful JDBC user sets for bulk inserts: the ones Flowbase's dialect sets. */
    private RawJdbc(BenchDatabase target, String urlOptions) throws SQLException {
        this.engine = target.engine();
        this.connection = DriverManager.getConnection(
                target.plainUrl() + (target.plainUrl().contains("?") ? "&" : "?") + urlOptions, BenchDatabase.USER, "");
    }

    /**
     * Rows per second for {@code rows} tasks loaded the way the stores load them on this engine, in
     * the same batches: {@code COPY FROM STDIN} on PostgreSQL, batched INSERTs elsewhere.
     */
    static double bulkInsert(BenchDatabase target, UUID org, UUID workflow, int rows) throws SQLException {
        if (target.engine() == BenchDatabase.Engine.POSTGRESQL) {
            return copy(target, org, workflow, rows);
        }
        String options = target.engine() == BenchDatabase.Engine.POSTGRESQL ? "reWriteBatchedInserts=true" : "";
        try (RawJdbc raw = options.isEmpty() ? new RawJdbc(target) : new RawJdbc(target, options)) {
            Connection c = raw.connection;
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tasks (id, organization_id, workflow_id,"
                    + " workflow_execution_id, agent_role_id, name, description, type, status, priority, parameters,"
                    + " environment, execution_order, max_retries, timeout_seconds, queue_name, run_at,"
                    + " idempotency_key, lock_version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    Instant now = Instant.now();
                    raw.uuid(ps, 1, Uuids.v7(now));
                    raw.uuid(ps, 2, org);
                    raw.uuid(ps, 3, workflow);
                    raw.uuid(ps, 4, null);
                    raw.uuid(ps, 5, null);
                    ps.setString(6, "raw-" + i);
                    ps.setString(7, null);
                    ps.setString(8, "task");
                    ps.setString(9, "ready");
                    ps.setInt(10, 0);
                    raw.json(ps, 11, "{}");
                    raw.json(ps, 12, "{}");
                    ps.setInt(13, 100_000 + i);
                    ps.setInt(14, 3);
                    ps.setNull(15, Types.INTEGER);
                    ps.setString(16, "default");
                    raw.instant(ps, 17, now);
                    ps.setString(18, null);
                    ps.setInt(19, 1);
                    raw.instant(ps, 20, now);
                    raw.instant(ps, 21, now);
                    ps.addBatch();
                    if ((i + 1) % DataBench.BATCH == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
            return rows / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static double copy(BenchDatabase target, UUID org, UUID workflow, int rows) throws SQLException {
        try (RawJdbc raw = new RawJdbc(target)) {
            Connection c = raw.connection;
            c.setAutoCommit(false);
            var api = c.unwrap(PGConnection.class).getCopyAPI();
            long start = System.nanoTime();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                Instant now = Instant.now();
                text.append(Uuids.v7(now))
                        .append('\t')
                        .append(org)
                        .append('\t')
                        .append(workflow)
                        .append("\t\\N\t\\N\traw-")
                        .append(i)
                        .append("\t\\N\ttask\tready\t0\t{}\t{}\t")
                        .append(100_000 + i)
                        .append("\t3\t\\N\tdefault\t")
                        .append(now)
                        .append("\t\\N\t1\t")
                        .append(now)
                        .append('\t')
                        .append(now)
                        .append('\n');
                if ((i + 1) % DataBench.BATCH == 0 || i == rows - 1) {
                    try {
                        api.copyIn(
                                "COPY tasks (id, organization_id, workflow_id, workflow_execution_id, agent_role_id,"
                                        + " name, description, type, status, priority, parameters, environment, execution_order,"
                                        + " max_retries, timeout_seconds, queue_name, run_at, idempotency_key, lock_version,"
                                        + " created_at, updated_at) FROM STDIN",
                                new StringReader(text.toString()));
                    } catch (IOException e) {
                        throw new SQLException(e);
                    }
                    c.commit();
                    text.setLength(0);
                }
            }
            return rows / ((System.nanoTime() - start) / 1e9);
        }
    }

    List<Object[]> query(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof UUID u) {
                    uuid(ps, i + 1, u);
                } else {
                    ps.setObject(i + 1, params[i]);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = rs.getObject(c + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    private void uuid(PreparedStatement ps, int i, UUID value) throws SQLException {
        if (engine == BenchDatabase.Engine.POSTGRESQL) {
            ps.setObject(i, value, Types.OTHER);
        } else {
            ps.setString(i, value == null ? null : value.toString());
        }
    }

    private void json(PreparedStatement ps, int i, String value) throws SQLException {
        if (engine == BenchDatabase.Engine.POSTGRESQL) {
            ps.setObject(i, value, Types.OTHER);
        } else {
            ps.setString(i, value);
        }
    }

    private void instant(PreparedStatement ps, int i, Instant value) throws SQLException {
        switch (engine) {
            case POSTGRESQL -> ps.setObject(i, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
            case MARIADB -> ps.setObject(i, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
            case SQLITE -> ps.setString(i, value.toString());
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
