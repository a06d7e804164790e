package dev.flowbase.search;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.db.Database;
import java.time.InstantSource;

/**
 * The main class of the retention JVM of {@link RetentionKillTest}: {@code URL POLICY BATCH} runs
 * the policy once, printing {@code BATCH <total>} after every batch.
 */
public final class RetentionProcess {
    static final String BATCH = "BATCH ";

    private RetentionProcess() {}

    public static void main(String[] args) {
        try (Database db = Database.open(DatabaseConfig.fromUrl(args[0]))) {
            new Retention(db, InstantSource.system(), Integer.parseInt(args[2]))
                    .run(
                            RetentionPolicy.parse("policy", args[1]),
                            (rule, deleted, total) -> {
                                System.out.println(BATCH + total);
                                System.out.flush();
                            },
                            () -> true);
        }
    }
}
