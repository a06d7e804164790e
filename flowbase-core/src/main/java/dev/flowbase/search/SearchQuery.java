package dev.flowbase.search;

import dev.flowbase.search.Kind.Field;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A parsed query: the text terms (all must match) and the filters, each filter's value already
 * checked. {@code values} holds the string filters (level, status, queue) by field.
 */
public record SearchQuery(
        List<Term> terms,
        Set<Kind> kinds,
        Map<Field, String> values,
        UUID workflow,
        UUID task,
        Instant since,
        Instant until) {
    public SearchQuery {
        terms = List.copyOf(terms);
        kinds = kinds.isEmpty() ? EnumSet.allOf(Kind.class) : EnumSet.copyOf(kinds);
        values = Map.copyOf(values);
    }

    /** The fields this query filters on, to leave out the kinds that do not have them. */
    public Set<Field> fields() {
        Set<Field> fields = EnumSet.noneOf(Field.class);
        fields.addAll(values.keySet());
        if (workflow != null) {
            fields.add(Field.WORKFLOW);
        }
        if (task != null) {
            fields.add(Field.TASK);
        }
        return fields;
    }

    /** The kinds searched: those asked for that have every filter of the query. */
    public List<Kind> searchedKinds() {
        return kinds.stream().filter(k -> fields().stream().allMatch(k::has)).toList();
    }

    /** Every word of the text terms, for highlighting. */
    public List<String> words() {
        return terms.stream().flatMap(t -> t.words().stream()).toList();
    }
}
