package dev.flowbase.migrate.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The splitting all engines share: a statement ends at the delimiter, unless a block that the
 * engine's rules opened is still open. Each engine adds its lexical {@link Syntax} and those rules.
 */
abstract sealed class ScriptSplitter implements SqlSplitter permits PostgresSplitter, MariaDbSplitter, SqliteSplitter {
    /** BEGIN … END and CASE … END: blocks in every engine, inside the statements that have bodies. */
    static final Set<String> BLOCKS = Set.of("BEGIN", "CASE");

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final Syntax syntax;

    ScriptSplitter(Syntax syntax) {
        this.syntax = syntax;
    }

    /** Whether this word opens a block whose semicolons do not end the statement. */
    abstract boolean opensBlock(Word word);

    /**
     * The words after END that name the block it closes, as in END IF. None by default: there every
     * END closes a BEGIN or a CASE.
     */
    Set<String> namedEnds() {
        return Set.of();
    }

    /**
     * Runs the command for the engine's command-line client that {@code first}, the first token of
     * a statement, starts, if it starts one. Such a command is not a statement. There is none by
     * default.
     */
    boolean runsClientCommand(Token first, Scanner scanner) {
        return false;
    }

    /**
     * The statement with the data that the engine's client reads after it, when it has such data
     * (psql's COPY … FROM stdin). None by default.
     */
    SqlStatement withInlineData(SqlStatement statement, Scanner scanner) {
        return statement;
    }

    @Override
    public final List<SqlStatement> split(String script) {
        String text = script.startsWith(BYTE_ORDER_MARK) ? script.substring(1) : script;
        Scanner scanner = new Scanner(text, syntax);
        List<SqlStatement> statements = new ArrayList<>();
        StatementDraft draft = draft(text);
        while (scanner.hasNext()) {
            Token token = scanner.next();
            if (!token.isSignificant()) {
                continue; // whitespace and comments: kept inside a statement's text, dropped around it
            }
            if (draft.isEmpty() && runsClientCommand(token, scanner)) {
                continue;
            }
            draft.add(token);
            if (token.kind() == Token.Kind.DELIMITER && draft.endsAt(token)) {
                draft.finish().map(s -> withInlineData(s, scanner)).ifPresent(statements::add);
                draft = draft(text);
            }
        }
        // The last statement may lack its delimiter; a COPY … FROM stdin there still needs its rows.
        draft.finish().map(s -> withInlineData(s, scanner)).ifPresent(statements::add);
        return List.copyOf(statements);
    }

    private StatementDraft draft(String text) {
        return new StatementDraft(text, new BlockTracker(this::opensBlock, namedEnds()));
    }
}
