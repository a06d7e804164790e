package dev.flowbase.util;

/**
 * Text from outside (file names, table names, URLs, request fields) made safe to echo to a
 * terminal or a log line: a newline could forge a line of its own and an escape sequence could
 * recolour or rewrite the screen, so every control character is shown as an escape instead.
 */
public final class Printable {
    private Printable() {}

    /**
     * {@code text} with control characters as {@code \n}, {@code \r}, {@code \t} or {@code \}{@code uXXXX}
     * (C0 and C1 controls, DEL, the Unicode line and paragraph separators and the bidirectional
     * overrides); everything else, letters of any script included, is kept, and {@code null} stays
     * {@code null} (a log line without a message keeps its shape).
     */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!needsEscape(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean needsEscape(char c) {
        return Character.isISOControl(c)
                || c == '\u2028'
                || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
