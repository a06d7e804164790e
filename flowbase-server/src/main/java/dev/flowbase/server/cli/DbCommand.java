package dev.flowbase.server.cli;

import picocli.CommandLine.Command;

/** {@code flowbase db …}: the database around Flowbase's schema: its users, and housekeeping of its tables. */
@Command(
        name = "db",
        description = "Set up the database server around Flowbase's schema, and delete old rows.",
        subcommands = {DbCreateUsersCommand.class, DbCleanCommand.class})
final class DbCommand {}
