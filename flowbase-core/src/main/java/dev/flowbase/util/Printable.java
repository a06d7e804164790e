package dev.flowbase.util;

/**
 * Text from outside (a request field, a file name, a database's message) made safe to print on one
 * line of a log or a terminal: a control character can no longer end the line, forge the next one
 * or move the cursor, and it stays visible as the escape a programmer would write.
 */
public final class Printable {
    private Printable() {}

    /**
     * {@code value} with every control character escaped: {@code \n}, {@code \r}, {@code \t} by
     * those names, any other (NUL, ESC, DEL, the C1 range, the Unicode line and paragraph
     * separators) as {@code \}{@code uXXXX}. Printable text, backslashes included, is unchanged;
     * {@code null} stays {@code null}.
     */
    public static String escape(String value) {
        if (value == null || clean(value)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (unsafe(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean clean(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (unsafe(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean unsafe(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}
