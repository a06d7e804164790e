package dev.flowbase.queue;

import dev.flowbase.store.Limits;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What a claim asks for: up to {@code max} ready tasks of {@code queue} for {@code owner}, leased
 * for {@code lease}; only {@code organization}'s tasks when it is set, any organization's when it
 * is null (a worker of the whole installation).
 */
public record ClaimRequest(String queue, UUID organization, int max, String owner, Duration lease) {
    public ClaimRequest {
        Limits.text("queue", queue, Limits.QUEUE);
        Limits.text("worker", owner, Limits.NAME);
    }

    /**
     * The condition that keeps the claim to the organization's tasks, for the WHERE that picks
     * ready rows of {@code task_queue} (unaliased), binding {@code :org}; empty for any organization.
     * The task is looked up by primary key for each row the claim index gives, so a queue shared by
     * organizations is walked past the others' rows: a queue per organization claims fastest.
     */
    public String scope() {
        return organization == null
                ? ""
                : " AND EXISTS (SELECT 1 FROM tasks o WHERE o.id = task_queue.task_id AND o.organization_id = :org)";
    }

    /**
     * The values a claim's statements name, for {@code bindMap}: {@code :queue}, {@code :max},
     * {@code :owner}, {@code :org} and {@code :lease} (milliseconds); a statement may use some.
     */
    public Map<String, Object> bindings() {
        Map<String, Object> values = new HashMap<>(); // :org may be null
        values.put("queue", queue);
        values.put("max", max);
        values.put("owner", owner);
        values.put("org", organization);
        values.put("lease", lease.toMillis());
        return values;
    }
}
