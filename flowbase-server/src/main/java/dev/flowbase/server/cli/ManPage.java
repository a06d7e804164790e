package dev.flowbase.server.cli;

import dev.flowbase.Flowbase;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * flowbase(1) in roff, written from the command tree itself so that the page never drifts from the
 * commands. picocli-codegen's generator writes AsciiDoc, which would need asciidoctor at release time.
 */
final class ManPage {
    private final StringBuilder roff = new StringBuilder();

    private ManPage() {}

    /** The whole page for the tree under {@code root}: its options, then every visible command in turn. */
    static String of(CommandSpec root) {
        ManPage page = new ManPage();
        page.line(".TH FLOWBASE 1 \"\" " + quoted("flowbase " + Flowbase.version()) + " \"User Commands\"");
        page.line(".nh"); // long names such as FLOWBASE_PLACEHOLDER_NAME stay whole
        page.line(".SH NAME");
        page.line("flowbase \\- " + text(String.join(" ", root.usageMessage().description())));
        page.line(".SH SYNOPSIS");
        page.line(".B flowbase");
        page.line("[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]");
        page.line(".SH OPTIONS");
        page.line("These options are global: they may be given before or after a command.");
        page.options(root);
        page.line(".SH COMMANDS");
        page.commands(root);
        page.line(".SH FILES");
        page.line(".TP");
        page.line(".I flowbase.yml");
        page.line("The configuration, read from the current folder unless \\fB\\-\\-config\\fR names another.");
        page.line(".SH SEE ALSO");
        page.line("The documents under \\fIdocs/\\fR of the release, cli.md first.");
        return page.roff.toString();
    }

    private void commands(CommandSpec parent) {
        for (CommandSpec command : visible(parent)) {
            line(".SS " + quoted(command.qualifiedName()));
            line(".B " + text(command.qualifiedName()));
            String args = command.positionalParameters().stream()
                    .filter(p -> !p.hidden())
                    .map(p -> "\\fI" + text(p.paramLabel()) + "\\fR")
                    .collect(Collectors.joining(" "));
            // Every command inherits the global options, so each takes [OPTIONS].
            line(("[\\fIOPTIONS\\fR] " + args).strip());
            line(".PP");
            line(text(String.join(" ", command.usageMessage().description())));
            for (PositionalParamSpec p : command.positionalParameters()) {
                if (!p.hidden()) item("\\fI" + text(p.paramLabel()) + "\\fR", p);
            }
            // Global options were listed once above; the command's own follow its description.
            if (command.parent() != null) options(command);
            commands(command);
        }
    }

    private void options(CommandSpec command) {
        for (OptionSpec option : command.options()) {
            if (option.hidden() || option.inherited()) continue;
            String names = option.names().length == 0
                    ? ""
                    : List.of(option.names()).stream()
                            .map(n -> "\\fB" + text(n) + "\\fR")
                            .collect(Collectors.joining(", "));
            String label = option.arity().max() == 0 ? "" : " \\fI" + text(option.paramLabel()) + "\\fR";
            item(names + label, option);
        }
    }

    private void item(String tag, ArgSpec arg) {
        String description =
                String.join(" ", arg.description()).replace("${DEFAULT-VALUE}", String.valueOf(arg.defaultValue()));
        line(".TP");
        line(tag);
        line(text(description));
    }

    private static List<CommandSpec> visible(CommandSpec parent) {
        return parent.subcommands().values().stream()
                .map(sub -> sub.getCommandSpec())
                .filter(spec -> !spec.usageMessage().hidden())
                .distinct() // an alias maps to the same command
                .toList();
    }

    private void line(String s) {
        roff.append(s).append('\n');
    }

    private static String quoted(String s) {
        return "\"" + text(s).replace("\"", "\\(dq") + "\"";
    }

    /** Plain text made safe for roff: backslashes, hyphens as minus signs (so that pasted options work), a leading dot or quote, and non-ASCII as \[uXXXX]. */
    static String text(String s) {
        StringBuilder b = new StringBuilder();
        s.replace("\\", "\\e").replace("-", "\\-").codePoints().forEach(c -> {
            if (c < 128) b.appendCodePoint(c);
            else b.append(String.format("\\[u%04X]", c));
        });
        String out = b.toString();
        return out.startsWith(".") || out.startsWith("'") ? "\\&" + out : out;
    }
}
