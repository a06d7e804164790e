package dev.flowbase.seed;

import dev.flowbase.store.Stores;
import java.util.Set;

/**
 * A named set of rows that an environment starts with. Applying a seed twice leaves the same
 * rows: each row is found by its natural key (a slug, a name, a configuration key) and only
 * created when absent, so rows people have since edited are left as they are.
 */
public interface Seed {

    String name();

    /** The environments this seed runs in; an empty set means every environment. */
    Set<String> environments();

    /** Changes whenever the rows a seed writes change; recorded with each run. */
    String revision();

    /** Writes the seed's rows through the stores, inside the seeding transaction. */
    void apply(Stores stores);

    default boolean appliesTo(String environment) {
        return environments().isEmpty() || environments().contains(environment);
    }
}
