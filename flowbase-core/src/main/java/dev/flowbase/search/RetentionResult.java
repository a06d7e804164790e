package dev.flowbase.search;

import java.util.List;

/**
 * What one retention run did per rule: the rows it found old (a dry run stops there) or deleted,
 * and the failure of a rule that could not finish (the others still ran). {@code complete} is
 * false when the run was stopped between batches (leadership lost, shutdown): the next run goes on.
 */
public record RetentionResult(boolean dryRun, boolean complete, List<RuleResult> rules) {
    public record RuleResult(String rule, String table, long rows, String failure) {}

    public RetentionResult {
        rules = List.copyOf(rules);
    }

    public boolean failed() {
        return rules.stream().anyMatch(r -> r.failure() != null);
    }

    public long rows() {
        return rules.stream().mapToLong(RuleResult::rows).sum();
    }
}
