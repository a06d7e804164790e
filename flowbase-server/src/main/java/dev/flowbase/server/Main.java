package dev.flowbase.server;

import dev.flowbase.server.cli.Cli;

/** The {@code flowbase} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(Cli.system().run(args));
    }
}
