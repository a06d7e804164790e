package dev.flowbase.store;

import java.time.Instant;
import java.util.UUID;

/**
 * Which log lines to read, newest first. Null fields do not filter. {@code text} matches a part of
 * the message (case as written). {@code organizationId} keeps one organization's lines (a caller's
 * stores, {@link Stores#within}, always keep their own), and Flowbase's own lines, which belong to
 * no organization, only when {@code flowbaseLines}.
 */
public record LogFilter(
        LogEntry.Level level,
        String component,
        UUID taskId,
        Instant since,
        String text,
        UUID organizationId,
        boolean flowbaseLines) {
    public static final LogFilter ALL = new LogFilter(null, null, null, null, null);

    /** Lines of every organization and Flowbase's own. */
    public LogFilter(LogEntry.Level level, String component, UUID taskId, Instant since, String text) {
        this(level, component, taskId, since, text, null, true);
    }

    public LogFilter withLevel(LogEntry.Level newLevel) {
        return new LogFilter(newLevel, component, taskId, since, text, organizationId, flowbaseLines);
    }

    public LogFilter withComponent(String newComponent) {
        return new LogFilter(level, newComponent, taskId, since, text, organizationId, flowbaseLines);
    }

    public LogFilter containing(String newText) {
        return new LogFilter(level, component, taskId, since, newText, organizationId, flowbaseLines);
    }

    public LogFilter writtenSince(Instant newSince) {
        return new LogFilter(level, component, taskId, newSince, text, organizationId, flowbaseLines);
    }

    /** Only {@code organization}'s lines. */
    public LogFilter in(UUID organization) {
        return new LogFilter(level, component, taskId, since, text, organization, false);
    }

    /** {@code organization}'s lines and Flowbase's own (which belong to no organization). */
    public LogFilter inWithFlowbaseLines(UUID organization) {
        return new LogFilter(level, component, taskId, since, text, organization, true);
    }
}
