package dev.flowbase.migrate.sql;

import java.util.List;

/**
 * A token of the statement being split, seen with its neighbours, for the rules that decide
 * whether it opens a block. Keywords and identifiers are upper-cased; other tokens (symbols,
 * strings with their quotes) keep their text, so a quoted 'END' is never the keyword END.
 *
 * @param statement the statement's tokens so far, at least up to the one after this
 * @param index this token's position in the statement, from 0
 */
record Word(List<String> statement, int index) {

    String text() {
        return at(index);
    }

    String previous() {
        return at(index - 1);
    }

    String next() {
        return at(index + 1);
    }

    /** The statement's token at {@code position}, counted from 0; empty beyond either end. */
    String at(int position) {
        return position >= 0 && position < statement.size() ? statement.get(position) : "";
    }
}
