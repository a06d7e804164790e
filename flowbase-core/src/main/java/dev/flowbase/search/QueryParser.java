package dev.flowbase.search;

import dev.flowbase.error.InvalidFieldException;
import dev.flowbase.search.Kind.Field;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Parses what a user types into a {@link SearchQuery}, once, for every engine: words, quoted
 * phrases, a prefix {@code term*}, and {@code field:value} filters. Anything else is refused with
 * the token, its position and what would be accepted, so no engine's own query syntax (FTS5's
 * {@code NEAR}, MariaDB's {@code +-~}, tsquery's {@code &|!}) is ever reached by user text.
 *
 * <p>Inside a word, {@code _ - . / ' @ :} separate its parts, which must then follow each other
 * as in a phrase ({@code disk-full} is {@code "disk full"}): every engine finds that the same way.
 */
public final class QueryParser {
    public static final int MAX_LENGTH = 1000;
    public static final int MAX_TERMS = 16;
    static final String FIELD = "q";
    private static final String SEPARATORS = "_-./'@:";
    private static final String ACCEPTED = "words, \"quoted phrases\", a prefix such as deploy*, and filters "
            + "kind: level: status: queue: workflow: task: since: until:";

    private final InstantSource clock;

    public QueryParser(InstantSource clock) {
        this.clock = clock;
    }

    public SearchQuery parse(String text) {
        String q = text == null ? "" : text;
        if (q.length() > MAX_LENGTH) {
            throw new InvalidFieldException(FIELD, q.length() + " characters", "at most " + MAX_LENGTH);
        }
        Builder b = new Builder();
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = q.indexOf('"', i + 1);
                if (end < 0) {
                    throw bad(q.substring(i), i, "the quote is not closed");
                }
                boolean prefix = end + 1 < q.length() && q.charAt(end + 1) == '*';
                List<String> words = words(q.substring(i + 1, end));
                if (words.isEmpty()) {
                    throw bad(q.substring(i, end + 1), i, "the phrase has no words");
                }
                b.term(new Term(words, prefix), q.substring(i, end + 1), i);
                i = end + (prefix ? 2 : 1);
            } else {
                int end = i;
                while (end < q.length() && !Character.isWhitespace(q.charAt(end))) {
                    end++;
                }
                token(b, q.substring(i, end), i);
                i = end;
            }
        }
        return b.build();
    }

    private void token(Builder b, String token, int at) {
        int colon = token.indexOf(':');
        if (colon > 0 && token.substring(0, colon).chars().allMatch(Character::isLetter)) {
            String name = token.substring(0, colon).toLowerCase(Locale.ROOT);
            Field field = fieldNamed(name).orElseThrow(() -> bad(token, at, "there is no filter " + name + ":"));
            String value = token.substring(colon + 1);
            if (value.isEmpty()) {
                throw bad(token, at, "the filter has no value");
            }
            b.filter(field, value, token, at, clock);
            return;
        }
        boolean prefix = token.endsWith("*");
        String body = prefix ? token.substring(0, token.length() - 1) : token;
        for (int k = 0; k < body.length(); k++) {
            char c = body.charAt(k);
            if (!Character.isLetterOrDigit(c) && SEPARATORS.indexOf(c) < 0) {
                throw bad(token, at, "'" + c + "' is not part of a word");
            }
        }
        List<String> words = words(body);
        if (words.isEmpty()) {
            throw bad(token, at, "it has no letters or digits");
        }
        if (prefix && words.get(words.size() - 1).length() < 2) {
            throw bad(token, at, "a prefix needs at least 2 letters before *");
        }
        b.term(new Term(words, prefix), token, at);
    }

    /** The runs of letters and digits in {@code text}, lower-cased. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(Character.toLowerCase(cp));
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        });
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    private static Optional<Field> fieldNamed(String name) {
        for (Field f : Field.values()) {
            if (f.typed().equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    static InvalidFieldException bad(String token, int at, String why) {
        String shown = token.length() > 40 ? token.substring(0, 40) + "…" : token;
        return new InvalidFieldException(FIELD, "'" + shown + "' at position " + (at + 1) + " (" + why + ")", ACCEPTED);
    }

    /** Collects terms and filters, refusing a filter given twice. */
    private static final class Builder {
        private final List<Term> terms = new ArrayList<>();
        private final Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        private final Map<Field, String> values = new EnumMap<>(Field.class);
        private final Set<Field> seen = EnumSet.noneOf(Field.class);
        private UUID workflow;
        private UUID task;
        private Instant since;
        private Instant until;

        void term(Term term, String token, int at) {
            if (terms.size() == MAX_TERMS) {
                throw bad(token, at, "a query has at most " + MAX_TERMS + " words and phrases");
            }
            terms.add(term);
        }

        void filter(Field field, String value, String token, int at, InstantSource clock) {
            if (!seen.add(field)) {
                throw bad(token, at, field.typed() + ": is given twice");
            }
            switch (field) {
                case KIND -> kinds.addAll(FilterValues.kinds(value, token, at));
                case LEVEL -> values.put(field, FilterValues.level(value, token, at));
                case STATUS, QUEUE -> values.put(field, FilterValues.name(value, token, at));
                case WORKFLOW -> workflow = FilterValues.uuid(value, token, at);
                case TASK -> task = FilterValues.uuid(value, token, at);
                case SINCE -> since = FilterValues.instant(value, token, at, clock);
                case UNTIL -> until = FilterValues.instant(value, token, at, clock);
            }
        }

        SearchQuery build() {
            return new SearchQuery(terms, kinds, values, workflow, task, since, until);
        }
    }
}
