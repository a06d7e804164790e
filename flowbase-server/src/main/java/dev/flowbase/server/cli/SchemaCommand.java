package dev.flowbase.server.cli;

import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.schema.SchemaDifference;
import dev.flowbase.schema.SchemaReport;
import dev.flowbase.schema.SchemaValidator;
import dev.flowbase.util.Printable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(
        name = "schema",
        description = "Compare or describe the live schema.",
        subcommands = {SchemaCommand.Validate.class, SchemaDocsCommand.class})
final class SchemaCommand {

    @Command(
            name = "validate",
            description = "Name every difference between the live schema and what its applied migrations produce.")
    static final class Validate extends BaseCommand {
        @Override
        public Integer call() {
            SchemaReport report;
            try (Database db = Database.openForOneCommand(config().database())) {
                report = SchemaValidator.flowbase().validate(db);
            }
            if (json()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("engine", report.engine());
                doc.put("version", report.version());
                doc.put("matches", report.matches());
                doc.put(
                        "differences",
                        report.differences().stream()
                                .map(d -> Map.of(
                                        "kind",
                                        d.kind().name().toLowerCase(Locale.ROOT),
                                        "table",
                                        d.table(),
                                        "detail",
                                        d.detail(),
                                        "description",
                                        d.describe()))
                                .toList());
                Output.json(out(), doc);
            } else if (report.matches()) {
                out().println("The schema matches its migrations (version " + report.version() + ", " + report.engine()
                        + ").");
            } else {
                out().println(report.differences().size() + " difference(s) from the migrations up to version "
                        + report.version() + ":");
                report.differences().stream()
                        .map(SchemaDifference::describe)
                        .forEach(d -> out().println("  " + Printable.escape(d)));
            }
            return report.matches() ? 0 : ErrorCode.VALIDATION_FAILED.exitCode();
        }
    }
}
