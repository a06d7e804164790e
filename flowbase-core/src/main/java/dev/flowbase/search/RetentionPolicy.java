package dev.flowbase.search;

import dev.flowbase.error.InvalidFieldException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules retention runs, parsed from one line such as
 * {@code logs=30d, audit_log=365d, metrics=14d, task_executions=90d, tasks=30d, tasks.queue.mail=7d}.
 * Rules run children first (logs before tasks, tasks before their runs) so a cascade never does a
 * rule's work with one long statement.
 */
public record RetentionPolicy(List<RetentionRule> rules) {
    private static final Pattern RULE =
            Pattern.compile("([a-z_]+)(?:\\.(queue|type)\\.([A-Za-z0-9_.-]{1,100}))?=(\\d{1,6}[hdw])");

    public RetentionPolicy {
        rules = rules.stream()
                .sorted(Comparator.comparing((RetentionRule r) -> r.target().ordinal()))
                .toList();
    }

    public static final RetentionPolicy NONE = new RetentionPolicy(List.of());

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Parses {@code text} (blank: no rules); errors name {@code field}, the bad rule and the form expected. */
    public static RetentionPolicy parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        List<RetentionRule> rules = new ArrayList<>();
        for (String part : text.split(",")) {
            String rule = part.strip();
            Matcher m = RULE.matcher(rule);
            RetentionTarget target =
                    m.matches() ? RetentionTarget.named(m.group(1)).orElse(null) : null;
            if (target == null || (m.group(2) != null && target != RetentionTarget.TASKS)) {
                throw new InvalidFieldException(
                        field,
                        "'" + rule + "'",
                        "rules such as logs=30d separated by commas;"
                                + " tables logs, audit_log, metrics, task_executions, tasks, workflow_executions;"
                                + " tasks.queue.NAME= and tasks.type.NAME= for one queue or task type; ages in h, d or w");
            }
            Duration keep = Ages.parse(m.group(4)).orElseThrow();
            boolean queue = "queue".equals(m.group(2));
            rules.add(new RetentionRule(
                    target, keep, queue ? m.group(3) : null, m.group(2) != null && !queue ? m.group(3) : null));
        }
        return new RetentionPolicy(rules);
    }

    /** The same age for every table: what {@code flowbase db clean --older-than} means. */
    public static RetentionPolicy everything(Duration keep) {
        List<RetentionRule> rules = new ArrayList<>();
        for (RetentionTarget t : RetentionTarget.values()) {
            rules.add(RetentionRule.keep(t, keep));
        }
        return new RetentionPolicy(rules);
    }
}
