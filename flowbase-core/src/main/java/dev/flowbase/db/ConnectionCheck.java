package dev.flowbase.db;

import dev.flowbase.config.DatabaseConfig;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;

/** What {@code flowbase test-connection} reports: who answered, how, and how fast. */
public final class ConnectionCheck {
    public static final int PINGS = 7;

    private ConnectionCheck() {}

    public record Report(
            String provider,
            String serverVersion,
            String database,
            String user,
            boolean tls,
            String target,
            Duration roundTrip,
            PoolStats pool) {}

    /**
     * Connects with {@code config}, asks the server who it is, and times several round trips.
     *
     * @throws DatabaseException with a one-line reason naming host, port and database
     */
    public static Report run(DatabaseConfig config) {
        try (Database db = Database.open(config)) {
            ServerFacts facts = db.facts();
            Duration rtt;
            try (Connection c = db.connection()) {
                rtt = medianPing(c);
            } catch (SQLException e) {
                throw SqlErrors.connecting(db.dialect(), config, e);
            }
            return new Report(
                    facts.product(),
                    facts.version(),
                    facts.database(),
                    facts.user(),
                    facts.tls(),
                    config.describeTarget(),
                    rtt,
                    db.poolStats());
        }
    }

    private static Duration medianPing(Connection c) throws SQLException {
        long[] nanos = new long[PINGS];
        try (Statement s = c.createStatement()) {
            for (int i = 0; i < PINGS; i++) {
                long start = System.nanoTime();
                try (ResultSet rs = s.executeQuery("SELECT 1")) {
                    rs.next();
                }
                nanos[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        return Duration.ofNanos(nanos[PINGS / 2]);
    }
}
