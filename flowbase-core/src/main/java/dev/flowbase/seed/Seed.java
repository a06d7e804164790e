package dev.flowbase.seed;

import java.util.Set;

/**
 * A named set of rows that an environment starts with. Applying a seed twice leaves the same
 * rows: each row is found by its natural key (a slug, a name, a configuration key) and only
 * inserted when absent, so rows people have since edited are left as they are.
 */
public interface Seed {

    String name();

    /** The environments this seed runs in; an empty set means every environment. */
    Set<String> environments();

    /** Changes whenever the rows a seed writes change; recorded with each run. */
    String revision();

    void apply(SeedWriter writer);

    default boolean appliesTo(String environment) {
        return environments().isEmpty() || environments().contains(environment);
    }
}
