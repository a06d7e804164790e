package dev.flowbase.db;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** How many statements and connections failed, by kind of failure, since the database was opened. */
public final class ErrorCounts {
    private final Map<SqlErrorKind, LongAdder> byKind = new EnumMap<>(SqlErrorKind.class);

    ErrorCounts() {
        for (SqlErrorKind kind : SqlErrorKind.values()) {
            byKind.put(kind, new LongAdder());
        }
    }

    void count(SqlErrorKind kind) {
        byKind.get(kind).increment();
    }

    public long of(SqlErrorKind kind) {
        return byKind.get(kind).sum();
    }
}
