package dev.flowbase.store;

import java.time.Instant;
import java.util.UUID;

/**
 * Which log lines to read, newest first. Null fields do not filter. {@code text} matches a part of
 * the message (case as written).
 */
public record LogFilter(LogEntry.Level level, String component, UUID taskId, Instant since, String text) {
    public static final LogFilter ALL = new LogFilter(null, null, null, null, null);

    public LogFilter withLevel(LogEntry.Level newLevel) {
        return new LogFilter(newLevel, component, taskId, since, text);
    }

    public LogFilter withComponent(String newComponent) {
        return new LogFilter(level, newComponent, taskId, since, text);
    }

    public LogFilter containing(String newText) {
        return new LogFilter(level, component, taskId, since, newText);
    }
}
