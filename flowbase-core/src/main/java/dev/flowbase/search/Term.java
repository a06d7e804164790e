package dev.flowbase.search;

import java.util.List;

/**
 * One text term of a query: a single word, or a phrase of words that must follow each other;
 * {@code prefix} when its last word ends with {@code *}. Words hold letters and digits only (the
 * parser makes sure), so an engine may put them in its own query syntax without escaping anything.
 */
public record Term(List<String> words, boolean prefix) {
    public Term {
        words = List.copyOf(words);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a term has at least one word");
        }
    }

    public boolean isPhrase() {
        return words.size() > 1;
    }

    /** The term as a user would type it again: {@code deploy}, {@code "disk full"}, {@code depend*}. */
    @Override
    public String toString() {
        String text = String.join(" ", words) + (prefix ? "*" : "");
        return isPhrase() ? "\"" + text + "\"" : text;
    }
}
