package dev.flowbase.search;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row found: its kind and id, a title (a task's or workflow's name, a log line's component,
 * an execution's worker), a snippet of its text around the first match with the matched words'
 * positions in it, and the workflow and task it belongs to where the kind has them. {@code score}
 * is the engine's relevance (only comparable within one engine), null when there were no words.
 */
public record SearchHit(
        Kind kind,
        UUID id,
        String title,
        String snippet,
        List<Highlight> highlights,
        Instant createdAt,
        Double score,
        UUID workflowId,
        UUID taskId) {

    /** A matched word in the snippet: characters {@code start} (inclusive) to {@code end}. */
    public record Highlight(int start, int end) {}

    public SearchHit {
        highlights = List.copyOf(highlights);
    }
}
