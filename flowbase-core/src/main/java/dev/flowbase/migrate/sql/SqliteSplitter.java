package dev.flowbase.migrate.sql;

import dev.flowbase.migrate.sql.Syntax.Feature;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * SQLite: strings in '…', identifiers in "…", `…` or […], no backslash escapes. The one statement
 * with semicolons inside is CREATE TRIGGER, whose body runs from BEGIN to END; a CASE … END in
 * that body closes its own END, and a BEGIN; of its own remains a transaction start.
 */
final class SqliteSplitter extends ScriptSplitter {
    private static final Syntax SYNTAX = new Syntax(
            List.of(
                    Quote.string('\''),
                    Quote.identifier('"', '"'),
                    Quote.identifier('`', '`'),
                    Quote.identifier('[', ']')),
            EnumSet.noneOf(Feature.class));
    private static final Set<String> TEMPORARY = Set.of("TEMP", "TEMPORARY");

    SqliteSplitter() {
        super(SYNTAX);
    }

    @Override
    boolean opensBlock(Word word) {
        return BLOCKS.contains(word.text()) && createsTrigger(word);
    }

    /** CREATE [TEMP | TEMPORARY] TRIGGER */
    private static boolean createsTrigger(Word word) {
        int kind = TEMPORARY.contains(word.at(1)) ? 2 : 1;
        return word.at(0).equals("CREATE") && word.at(kind).equals("TRIGGER");
    }
}
