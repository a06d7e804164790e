package dev.flowbase.search;

import java.time.Duration;

/**
 * Keep the rows of {@code target} for {@code keep}, then delete them. A rule for tasks may name a
 * queue or a task type ({@code tasks.queue.mail=7d}, {@code tasks.type.embed=2d}): it then applies
 * to those tasks only, and the plain {@code tasks} rule to the tasks that no such rule names.
 */
public record RetentionRule(RetentionTarget target, Duration keep, String queue, String type) {
    public RetentionRule {
        if (keep.isNegative()) {
            throw new IllegalArgumentException("keep must not be negative");
        }
        if ((queue != null || type != null) && target != RetentionTarget.TASKS) {
            throw new IllegalArgumentException("only tasks rules name a queue or a type");
        }
    }

    public static RetentionRule keep(RetentionTarget target, Duration keep) {
        return new RetentionRule(target, keep, null, null);
    }

    /** As written in a policy: {@code logs}, {@code tasks.queue.mail}, {@code tasks.type.embed}. */
    public String name() {
        if (queue != null) {
            return "tasks.queue." + queue;
        }
        return type != null ? "tasks.type." + type : target.typed();
    }
}
