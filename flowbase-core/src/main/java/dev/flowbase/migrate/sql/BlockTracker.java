package dev.flowbase.migrate.sql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Follows what is open in one statement, where a ';' does not end it: the BEGIN … END body of a
 * procedure or trigger with the CASE, IF and loops inside it, and parentheses (as psql does, for
 * PostgreSQL's {@code CREATE RULE … DO (a; b)}). Which words open a block is each engine's call;
 * how END closes them is the same everywhere.
 *
 * <p>A token is judged once the one after it is known, because its meaning can depend on it: END IF
 * closes another block than a bare END does, and MariaDB's BEGIN NOT ATOMIC opens a block where a
 * BEGIN alone starts a transaction.
 */
final class BlockTracker {
    /** The blocks that a bare END closes: END, END label, or the END of a CASE expression. */
    private static final Set<String> BARE_ENDS = Set.of("BEGIN", "CASE");

    private final Predicate<Word> opensBlock;
    private final Set<String> namedEnds;
    private final List<String> tokens = new ArrayList<>();
    private final Deque<String> blocks = new ArrayDeque<>();
    private int parentheses;

    /**
     * @param namedEnds the words after END that name the block it closes, as in END IF; in engines
     *     without such words every END is bare
     */
    BlockTracker(Predicate<Word> opensBlock, Set<String> namedEnds) {
        this.opensBlock = opensBlock;
        this.namedEnds = namedEnds;
    }

    void add(Token token) {
        tokens.add(token.kind() == Token.Kind.WORD ? token.text().toUpperCase(Locale.ROOT) : token.text());
        if (tokens.size() > 1) {
            judge(new Word(tokens, tokens.size() - 2));
        }
    }

    /** Whether a block or parenthesis is open before the token added last. */
    boolean isOpen() {
        return parentheses > 0 || !blocks.isEmpty();
    }

    private void judge(Word word) {
        switch (word.text()) {
            case "(" -> parentheses++;
            case ")" -> parentheses = Math.max(0, parentheses - 1);
            case "END" -> close(namedEnds.contains(word.next()) ? Set.of(word.next()) : BARE_ENDS);
            default -> {
                boolean namesAnEnd = word.previous().equals("END") && namedEnds.contains(word.text());
                if (!namesAnEnd && opensBlock.test(word)) {
                    blocks.push(word.text());
                }
            }
        }
    }

    /**
     * Closes the innermost block of one of these kinds, and anything left open inside it: a word
     * wrongly taken for an opener, such as MariaDB's REPEAT() function at the start of a CASE branch.
     * An END with no such block open (END as a synonym of COMMIT, an END IF whose IF was not taken
     * for a block) closes nothing.
     */
    private void close(Set<String> kinds) {
        if (blocks.stream().noneMatch(kinds::contains)) {
            return;
        }
        String closed;
        do {
            closed = blocks.pop();
        } while (!kinds.contains(closed));
    }
}
