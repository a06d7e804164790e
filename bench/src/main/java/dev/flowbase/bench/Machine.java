package dev.flowbase.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;

/** What the numbers were measured on: hardware, JDK, engine versions and settings that move them. */
final class Machine {
    private Machine() {}

    static List<String> describe(Path workDir) throws IOException, SQLException {
        List<String> lines = new ArrayList<>();
        lines.add("Date: " + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME));
        lines.add("CPU: " + cpuModel() + ", nproc " + Runtime.getRuntime().availableProcessors());
        lines.add("Memory (free -h): "
                + Processes.run("free", "-h")
                        .lines()
                        .skip(1)
                        .findFirst()
                        .orElse("?")
                        .strip());
        lines.add("JDK: " + System.getProperty("java.vm.vendor") + " " + Runtime.version());
        lines.add("Flyway: " + flywayVersion());
        try (BenchDatabase pg = BenchDatabase.create(BenchDatabase.Engine.POSTGRESQL, "machine", workDir);
                BenchDatabase maria = BenchDatabase.create(BenchDatabase.Engine.MARIADB, "machine", workDir);
                BenchDatabase sqlite = BenchDatabase.create(BenchDatabase.Engine.SQLITE, "machine", workDir)) {
            lines.add("PostgreSQL: " + scalar(pg, "SELECT version()") + "; autovacuum " + scalar(pg, "SHOW autovacuum")
                    + ", fsync " + scalar(pg, "SHOW fsync") + ", synchronous_commit "
                    + scalar(pg, "SHOW synchronous_commit"));
            lines.add("MariaDB: " + scalar(maria, "SELECT version()") + "; innodb_flush_log_at_trx_commit "
                    + scalar(maria, "SELECT @@innodb_flush_log_at_trx_commit"));
            lines.add("SQLite (JDBC driver's library): " + scalar(sqlite, "SELECT sqlite_version()"));
        }
        for (BenchDatabase.Engine e : BenchDatabase.Engine.values()) {
            lines.add("Client: " + Clients.version(e));
        }
        return lines;
    }

    private static String flywayVersion() throws IOException {
        try (var in = Flyway.class.getResourceAsStream("/org/flywaydb/core/internal/version.txt")) {
            return in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private static String cpuModel() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip())
                .findFirst()
                .orElse("unknown");
    }

    private static String scalar(BenchDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
