package dev.flowbase.server.cli;

import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.schema.SchemaDocs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "docs",
        description = "Write a Markdown description of the live schema: tables, columns, keys, indexes, an ER diagram.")
final class SchemaDocsCommand extends BaseCommand {

    @Option(names = "--output", paramLabel = "FILE", description = "Where to write (default: docs/schema.md).")
    Path output = Path.of("docs", "schema.md");

    @Option(
            names = "--notes",
            paramLabel = "FILE",
            description = "Design notes whose index table says which query each index serves"
                    + " (default: docs/schema-design.md when present).")
    Path notes = Path.of("docs", "schema-design.md");

    @Override
    public Integer call() {
        String markdown;
        try (Database db = Database.open(config().database())) {
            markdown = SchemaDocs.render(db, Files.exists(notes) ? SchemaDocs.indexPurposes(read(notes)) : Map.of());
        }
        try {
            if (output.toAbsolutePath().getParent() != null) {
                Files.createDirectories(output.toAbsolutePath().getParent());
            }
            Files.writeString(output, markdown);
        } catch (IOException e) {
            throw new FlowbaseException(
                    ErrorCode.INVALID_ARGUMENT, "Cannot write " + output + ": " + e.getMessage(), e);
        }
        if (json()) {
            Output.json(out(), Map.of("written", output.toString()));
        } else {
            out().println("Wrote " + output);
        }
        return 0;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new FlowbaseException(ErrorCode.INVALID_ARGUMENT, "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
