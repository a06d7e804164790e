package dev.flowbase.server.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The few things every page writes: text escaped for HTML (every value from the database or a
 * request goes through {@link #esc}), times in UTC, table rows. Pages are text blocks with holes;
 * a hole is filled only with escaped text or with HTML made here.
 */
final class Html {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Html() {}

    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String time(Instant at) {
        return at == null ? "—" : TIME.format(at);
    }

    /** One {@code <tr>} per item, each cell already HTML. */
    static <T> String rows(Collection<T> items, Function<T, String> row) {
        return items.stream().map(row).collect(Collectors.joining("\n"));
    }

    /** A table with a caption for screen readers, or a line saying there is nothing. */
    static String table(String caption, String head, String rows, String empty) {
        if (rows.isBlank()) {
            return "<p class=\"empty\">" + esc(empty) + "</p>";
        }
        return """
                <div class="scroll"><table>
                <caption>%s</caption>
                <thead><tr>%s</tr></thead>
                <tbody>
                %s
                </tbody></table></div>""".formatted(esc(caption), head, rows);
    }

    static String th(String... names) {
        StringBuilder out = new StringBuilder();
        for (String n : names) {
            out.append("<th scope=\"col\">").append(esc(n)).append("</th>");
        }
        return out.toString();
    }

    static String td(Object... cells) {
        StringBuilder out = new StringBuilder("<tr>");
        for (Object c : cells) {
            out.append("<td>").append(esc(c)).append("</td>");
        }
        return out.append("</tr>").toString();
    }

    /** A state as a coloured badge: the class is from a fixed set, the text escaped. */
    static String badge(Object state) {
        String text = state == null ? "—" : state.toString().toLowerCase(Locale.ROOT);
        String kind = switch (text) {
            case "ok", "success", "succeeded", "completed", "active", "true" -> "good";
            case "warn", "warning", "running", "pending", "delayed", "ready" -> "busy";
            case "fail", "failing", "failed", "dead", "error", "cancelled", "skipped", "timed_out" -> "bad";
            default -> "plain";
        };
        return "<span class=\"badge " + kind + "\">" + esc(text) + "</span>";
    }
}
