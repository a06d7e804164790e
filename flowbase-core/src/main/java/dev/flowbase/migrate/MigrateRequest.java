package dev.flowbase.migrate;

import java.util.Objects;

/**
 * What one {@link Migrator#migrate(MigrateRequest)} does: {@code MigrateRequest.upTo(v).with(Run.DRY_RUN)}.
 *
 * @param target the highest version to apply, or null for every pending one
 * @param run for real, or a dry run that only lists the statements
 * @param grouping one transaction per script, or one for them all
 */
public record MigrateRequest(Version target, Run run, Grouping grouping) {
    public MigrateRequest {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(grouping, "grouping");
    }

    /** Every pending script, applied script by script. */
    public static MigrateRequest all() {
        return upTo(null);
    }

    /** Pending versions up to {@code target} (all when null), then changed repeatable scripts. */
    public static MigrateRequest upTo(Version target) {
        return new MigrateRequest(target, Run.APPLY, Grouping.SCRIPT_BY_SCRIPT);
    }

    public MigrateRequest with(Run value) {
        return new MigrateRequest(target, value, grouping);
    }

    public MigrateRequest with(Grouping value) {
        return new MigrateRequest(target, run, value);
    }
}
