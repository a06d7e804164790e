package dev.flowbase.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.flowbase.util.Json;
import dev.flowbase.util.Printable;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Prints command results: aligned columns for people, one JSON document for scripts. */
final class Output {
    private Output() {}

    /**
     * The one mapper of the project (java.time as ISO text), indented for people reading a terminal.
     * Made on first use: starting Jackson was a tenth of {@code migrate status}'s CPU, which prints
     * a table unless asked for {@code --json} (bench/RESULTS.md, start-up).
     */
    static ObjectMapper mapper() {
        return Indented.MAPPER;
    }

    private static final class Indented {
        static final ObjectMapper MAPPER = Json.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    static void json(PrintStream out, Object value) {
        try {
            out.println(mapper().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code key  value} lines with the values aligned. */
    static void keyValues(PrintStream out, Map<String, ?> values) {
        int width = values.keySet().stream().mapToInt(String::length).max().orElse(0);
        values.forEach((k, v) -> out.println(pad(k, width) + "  " + Printable.escape(String.valueOf(v))));
    }

    /**
     * A table with a header row; every column as wide as its widest cell. Cells come from outside
     * (names, values), so their control characters are escaped.
     */
    static void table(PrintStream out, List<String> header, List<List<String>> cells) {
        List<List<String>> rows = cells.stream()
                .map(row -> row.stream().map(Printable::escape).toList())
                .toList();
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        printRow(out, header, widths);
        rows.forEach(row -> printRow(out, row, widths));
    }

    private static void printRow(PrintStream out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(i == cells.size() - 1 ? cells.get(i) : pad(cells.get(i), widths[i]) + "  ");
        }
        out.println(line.toString().stripTrailing());
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
