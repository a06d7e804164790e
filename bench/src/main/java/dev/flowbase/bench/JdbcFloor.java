package dev.flowbase.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Not a tool: the least any tool can do while keeping one transaction per migration with its
 * history row. Plain JDBC on one connection: each file's single statement, one INSERT, one commit.
 * No lock, no checksum, no reading of history. What a tool spends above this is its overhead.
 */
final class JdbcFloor implements Tool {
    @Override
    public String name() {
        return "JDBC floor";
    }

    @Override
    public int migrate(BenchDatabase db, Path dir) {
        int n = 0;
        try (Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE floor_history (installed_rank INT PRIMARY KEY, version VARCHAR(50),"
                        + " script VARCHAR(1000), checksum VARCHAR(64), installed_at TIMESTAMP)");
            }
            for (Path file : MigrationFiles.inVersionOrder(dir)) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute(Files.readString(file).strip().replaceAll(";$", ""));
                }
                try (PreparedStatement p =
                        c.prepareStatement("INSERT INTO floor_history VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
                    p.setInt(1, ++n);
                    p.setString(2, String.valueOf(n));
                    p.setString(3, file.getFileName().toString());
                    p.setString(4, "0".repeat(64));
                    p.executeUpdate();
                }
                c.commit();
                c.setAutoCommit(true);
            }
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void validate(BenchDatabase db, Path dir) {
        throw new UnsupportedOperationException("the floor only migrates");
    }
}
