package dev.flowbase.queue;

import java.util.List;

/**
 * What {@link Queue#settle(List, ClaimRequest)} did in its one transaction: one result per report,
 * in the reports' order, and the leases of the tasks it claimed next (none when none was asked for
 * or none was ready).
 */
public record SettleOutcome(List<SettleResult> results, List<Lease> claimed) {
    public SettleOutcome {
        results = List.copyOf(results);
        claimed = List.copyOf(claimed);
    }
}
