package dev.flowbase.migrate.sql;

import java.util.Optional;

/** The statement being read: where its text starts and ends, and what is open inside it. */
final class StatementDraft {
    private final String script;
    private final BlockTracker blocks;
    private Token first;
    private int end;

    StatementDraft(String script, BlockTracker blocks) {
        this.script = script;
        this.blocks = blocks;
    }

    boolean isEmpty() {
        return first == null;
    }

    /** Adds a significant token; a delimiter counts for the text only if a later token follows it. */
    void add(Token token) {
        if (token.kind() != Token.Kind.DELIMITER) {
            first = first == null ? token : first;
            end = token.end();
        }
        blocks.add(token);
    }

    /**
     * Whether the delimiter just added ends the statement. One chosen with DELIMITER always does: the
     * author said so. A ';' does unless it stands inside a block or parentheses.
     */
    boolean endsAt(Token delimiter) {
        return !delimiter.text().equals(";") || !blocks.isOpen();
    }

    /** The statement, unless it held nothing but comments and delimiters. */
    Optional<SqlStatement> finish() {
        return isEmpty()
                ? Optional.empty()
                : Optional.of(new SqlStatement(script.substring(first.start(), end), first.line()));
    }
}
