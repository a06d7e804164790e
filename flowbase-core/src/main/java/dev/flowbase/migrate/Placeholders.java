package dev.flowbase.migrate;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${name}} in a script, replaced by its value before the script is split and run, as Flyway
 * does. Checksums are taken of the text before replacement, so a value that differs between
 * environments does not make the history drift. The text is read left to right: a dollar-quote
 * delimiter ({@code $$}, {@code $tag$}) is left as it is, {@code $${name}} stands for the text
 * {@code ${name}}, and {@code ${name}} is a placeholder. So the escape never eats the end of a
 * delimiter: {@code $$${name}$$} quotes the value, and a missing one is an error. A file whose leading comment lines hold {@code -- flowbase:no-placeholders} is
 * left as it is. Built-in values: {@code flowbase:database}, {@code flowbase:user},
 * {@code flowbase:table} (the history table) and {@code flowbase:filename}.
 */
public final class Placeholders {
    static final String OFF = "-- flowbase:no-placeholders";
    private static final String NAME_CHARS = "([A-Za-z0-9_.:-]+)";
    /** The escape, a dollar-quote delimiter, a placeholder: tried in this order at each place. */
    private static final Pattern TOKEN = Pattern.compile(
            "\\$\\$\\{" + NAME_CHARS + "}" + "|\\$(?:[A-Za-z_][A-Za-z0-9_]*)?\\$" + "|\\$\\{" + NAME_CHARS + "}");
    /** Names a user may give: letters, digits, _ . - (the flowbase: prefix is Flowbase's own). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    /** No values, and no replacement at all: the text runs as written. */
    static final Placeholders NONE = new Placeholders(null);

    private final Map<String, String> values;

    private Placeholders(Map<String, String> values) {
        this.values = values;
    }

    /**
     * The user's values; each name as in {@code ${name}}.
     *
     * @throws FlowbaseException naming a name that is not one
     */
    public static Placeholders of(Map<String, String> values) {
        for (String name : values.keySet()) {
            if (!NAME.matcher(name).matches()) {
                throw new FlowbaseException(
                        ErrorCode.INVALID_ARGUMENT,
                        "Placeholder name '" + name + "' is not accepted: use letters, digits, _ . and -");
            }
        }
        return new Placeholders(Map.copyOf(values));
    }

    /** These values plus the built-in ones of a run. */
    Placeholders withBuiltIns(String database, String user, String table) {
        if (values == null) {
            return this;
        }
        Map<String, String> all = new HashMap<>(values);
        all.put("flowbase:database", database);
        all.put("flowbase:user", user);
        all.put("flowbase:table", table);
        return new Placeholders(all);
    }

    /** {@code script}'s text with every placeholder replaced. */
    String apply(Script script) {
        String text = script.text();
        if (values == null || !text.contains("${") || switchedOff(text)) {
            return text;
        }
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String name = m.group(2);
            String replacement;
            if (m.group(1) != null) {
                replacement = "${" + m.group(1) + "}"; // $${name} escapes it
            } else if (name == null) {
                replacement = m.group(); // a dollar-quote delimiter, kept whole
            } else if (name.equals("flowbase:filename")) {
                replacement = script.name();
            } else if (values.containsKey(name)) {
                replacement = values.get(name);
            } else {
                int line = (int) text.substring(0, m.start())
                                .chars()
                                .filter(c -> c == '\n')
                                .count()
                        + 1;
                throw new FlowbaseException(
                        ErrorCode.MIGRATION_FAILED,
                        script.where() + " line " + line + ": no value for placeholder ${" + name + "}; give one with"
                                + " --placeholder " + name + "=…, FLOWBASE_PLACEHOLDER_"
                                + name.toUpperCase(Locale.ROOT)
                                        .replace('.', '_')
                                        .replace('-', '_')
                                + " or migrate.placeholders." + name + " in flowbase.yml, write $${" + name
                                + "} for the text itself, or put " + OFF + " at the top of the file");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The directive stands among the comment lines the file starts with. */
    private static boolean switchedOff(String text) {
        for (String line : text.lines().toList()) {
            String l = line.strip();
            if (l.equalsIgnoreCase(OFF)) {
                return true;
            }
            if (!l.isEmpty() && !l.startsWith("--")) {
                return false;
            }
        }
        return false;
    }
}
