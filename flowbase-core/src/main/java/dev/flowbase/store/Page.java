package dev.flowbase.store;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list, and the cursor of the next one (absent on the last page). Pages follow the
 * list's index order by keyset, not by offset: rows inserted meanwhile never shift a page.
 */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }

    public Optional<String> next() {
        return Optional.ofNullable(nextCursor);
    }
}
