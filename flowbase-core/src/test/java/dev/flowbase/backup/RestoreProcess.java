package dev.flowbase.backup;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.db.Database;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The main class of the JVM that {@link BackupKillTest} kills: {@code ARCHIVE URL PHASE} restores the
 * archive into URL and, once the named phase ({@code restore} or {@code check}) has made progress,
 * says so and waits on its standard input, which never comes: the test kills it there.
 */
public final class RestoreProcess {
    static final String REACHED = "FLOWBASE-REACHED";

    private RestoreProcess() {}

    public static void main(String[] args) {
        String stopAt = args[2];
        try (Database db = Database.open(DatabaseConfig.fromUrl(args[1]))) {
            Backups.restore(Path.of(args[0]), db, new RestoreOptions(null, false, null), new BackupProgress() {
                private String phase = "";

                @Override
                public void phase(String name, long totalRows) {
                    phase = name;
                }

                @Override
                public void advanced(String table, long rows, long bytes) {
                    if (phase.equals(stopAt)) {
                        System.out.println(REACHED + " " + phase + " " + rows);
                        System.out.flush();
                        try {
                            System.in.read();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            });
        }
        System.out.println("FLOWBASE-RESTORED");
    }
}
