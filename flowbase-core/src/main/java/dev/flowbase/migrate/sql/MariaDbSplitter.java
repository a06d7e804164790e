package dev.flowbase.migrate.sql;

import dev.flowbase.migrate.sql.Syntax.Feature;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * MariaDB: backslash escapes in strings, # comments, executable comments, and the DELIMITER command
 * of its command-line client, which dumps and most procedure scripts use. Without DELIMITER, a
 * stored program is still one statement: the compound statements in its body are followed.
 */
final class MariaDbSplitter extends ScriptSplitter {
    private static final Syntax SYNTAX = new Syntax(
            List.of(
                    Quote.string('\'').withBackslashEscapes(),
                    Quote.string('"').withBackslashEscapes(),
                    Quote.identifier('`', '`')),
            EnumSet.of(Feature.HASH_COMMENTS, Feature.SPACED_DASH_COMMENTS, Feature.EXECUTABLE_COMMENTS));
    private static final Set<String> STORED_PROGRAMS = Set.of("PROCEDURE", "FUNCTION", "TRIGGER", "EVENT");
    /** The compound statements closed by END followed by their own keyword: END IF, END CASE… */
    private static final Set<String> NAMED_ENDS = Set.of("IF", "LOOP", "WHILE", "REPEAT", "CASE");
    /** Compound statements that share their keyword with a function (IF(), REPEAT()) or a clause. */
    private static final Set<String> STATEMENT_BLOCKS = Set.of("IF", "LOOP", "WHILE", "REPEAT");
    /** What stands right before a statement in a body: nothing, ;, a label's :, a routine's (), … */
    private static final Set<String> STATEMENT_STARTS =
            Set.of("", ";", ":", ")", "BEGIN", "THEN", "ELSE", "DO", "LOOP", "REPEAT", "ROW");

    MariaDbSplitter() {
        super(SYNTAX);
    }

    @Override
    boolean opensBlock(Word word) {
        if (!holdsCompoundStatements(word)) {
            return false;
        }
        return BLOCKS.contains(word.text())
                || STATEMENT_BLOCKS.contains(word.text()) && STATEMENT_STARTS.contains(word.previous());
    }

    @Override
    Set<String> namedEnds() {
        return NAMED_ENDS;
    }

    /** A stored program, or a compound statement run on its own: BEGIN NOT ATOMIC, IF, LOOP… */
    private static boolean holdsCompoundStatements(Word word) {
        return switch (word.at(0)) {
            case "CREATE" -> createsStoredProgram(word);
            case "BEGIN" -> word.at(1).equals("NOT"); // a BEGIN without NOT ATOMIC starts a transaction
            case "IF", "CASE", "LOOP", "WHILE", "REPEAT" -> true;
            default -> false;
        };
    }

    /** CREATE [OR REPLACE] [DEFINER = user] [AGGREGATE] {PROCEDURE | FUNCTION | TRIGGER | EVENT} */
    private static boolean createsStoredProgram(Word word) {
        int at = word.at(1).equals("OR") ? 3 : 1;
        if (word.at(at).equals("DEFINER")) {
            // the user: 'name'@'host', CURRENT_USER(), or a single name or role
            at += word.at(at + 3).equals("@") || word.at(at + 3).equals("(") ? 5 : 3;
        }
        if (word.at(at).equals("AGGREGATE")) {
            at++;
        }
        return STORED_PROGRAMS.contains(word.at(at));
    }

    /** DELIMITER // makes // end statements until DELIMITER ; restores the semicolon. */
    @Override
    boolean runsClientCommand(Token first, Scanner scanner) {
        if (!first.isWord("DELIMITER")) {
            return false;
        }
        String delimiter = scanner.restOfLine().strip().split("\\s+")[0];
        if (delimiter.isEmpty()) {
            throw new SqlSyntaxException(
                    "The DELIMITER command on line %d names no delimiter; write for example DELIMITER //."
                            .formatted(first.line()),
                    first.line());
        }
        scanner.useDelimiter(delimiter);
        return true;
    }
}
