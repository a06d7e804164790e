package dev.flowbase.migrate;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.db.Database;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The main class of the JVMs that {@link ConcurrencyTest} starts: {@code migrate URL DIR} migrates and
 * prints how many scripts it ran; {@code hold URL} takes the migration lock, says so, and waits to be killed.
 */
public final class MigrateProcess {
    static final String LOCKED = "FLOWBASE-LOCKED";
    static final String EXECUTED = "FLOWBASE-EXECUTED ";
    static final String SCRIPT = "FLOWBASE-SCRIPT ";

    private MigrateProcess() {}

    public static void main(String[] args) throws IOException, SQLException {
        try (Database db = Database.open(DatabaseConfig.fromUrl(args[1]))) {
            if (args[0].equals("migrate")) {
                MigrateResult result = Migrator.configure()
                        .database(db)
                        .location(MigrationLocation.directory(Path.of(args[2])))
                        .table("test_history")
                        .lockTimeout(Duration.ofMinutes(2))
                        .listener(new MigrationListener() {
                            @Override
                            public void onScript(ExecutedScript script) {
                                // Said after the script is recorded: what the user would see as applied.
                                System.out.println(SCRIPT + script.script());
                                System.out.flush();
                            }
                        })
                        .load()
                        .migrate();
                System.out.println(EXECUTED + result.executed().size());
            } else {
                try (Connection c = db.connection()) {
                    EngineSupport.forEngine(db.engine()).lock(c, "test_history", Duration.ofMinutes(1));
                    System.out.println(LOCKED);
                    System.out.flush();
                    System.in.read(); // blocks until the test kills this process
                }
            }
        }
    }
}
