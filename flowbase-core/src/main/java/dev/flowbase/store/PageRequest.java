package dev.flowbase.store;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;

/**
 * Which page to read: at most {@code limit} rows after {@code cursor} (the {@link Page#nextCursor()}
 * of the page before, or null for the first page).
 */
public record PageRequest(int limit, String cursor) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new FlowbaseException(ErrorCode.INVALID_ARGUMENT, "limit=" + limit + ": expected 1 to " + MAX_LIMIT);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }

    public static PageRequest first() {
        return first(DEFAULT_LIMIT);
    }

    public PageRequest after(String nextCursor) {
        return new PageRequest(limit, nextCursor);
    }
}
