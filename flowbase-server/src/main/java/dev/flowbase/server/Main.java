package dev.flowbase.server;

import dev.flowbase.server.cli.Cli;
import dev.flowbase.util.BuildInfo;

/** The {@code flowbase} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // `flowbase --version` alone is answered before picocli reads the annotations of every
        // command: the same line, for a tenth of the CPU (bench/RESULTS.md, start-up).
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            System.out.println(BuildInfo.versionLine());
            return;
        }
        System.exit(Cli.system().run(args));
    }
}
