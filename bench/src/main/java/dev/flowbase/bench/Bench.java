package dev.flowbase.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * Flowbase's migration engine against Flyway 13 and the engines' own clients, in one run, each
 * measurement in a database of its own. Prints a Markdown report; see bench/README.md. The first
 * argument may name another benchmark instead: {@code queue-latency}, {@code timing-overhead},
 * {@code queue}.
 *
 * <p>Options: {@code --flyway-10k} also runs Flyway over 10,000 migrations (6–7 minutes on
 * PostgreSQL); {@code --quick} divides every size by ten, to try the benchmark itself.
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) throws Exception {
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        if (args.length > 0 && args[0].equals("queue-latency")) {
            QueueLatency.main(rest);
            return;
        }
        if (args.length > 0 && args[0].equals("timing-overhead")) {
            TimingOverhead.main(rest);
            return;
        }
        if (args.length > 0 && args[0].equals("cache")) {
            CacheBench.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("retention")) {
            RetentionBench.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("search")) {
            SearchBench.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("scale-out")) {
            ScaleOutBench.main(rest);
            return;
        }
        if (args.length > 0 && args[0].equals("queue")) {
            QueueBench.main(rest);
            return;
        }
        Set<String> options = Set.of(args);
        Path work = Files.createDirectories(Path.of("bench/target/work").toAbsolutePath());
        migrations(new BenchRun(work, options.contains("--quick") ? 10 : 1, options.contains("--flyway-10k")));
    }

    private static void migrations(BenchRun run) throws Exception {
        Report.line("# Migration benchmark");
        Report.line("");
        Machine.describe(run.work()).forEach(l -> Report.line("- " + l));
        run.warmUp();
        MigrateSpeed.thousandTiny(run);
        MigrateSpeed.groupMode(run);
        MigrateSpeed.growth(run);
        RunCosts.statementCounts(run);
        RunCosts.validate(run);
        RunCosts.clients(run);
    }
}
