package dev.flowbase.schema;

import dev.flowbase.db.Database;
import java.util.List;

/**
 * An engine's way of making an empty place beside a live database, in which schema validation
 * replays the migrations (a part of each engine's kit). The naming, the sweep of spaces that killed
 * runs left behind and the clean-up on interruption are the same everywhere, in {@link ScratchSpace}.
 */
public interface ScratchSpaces {

    /** Makes the space {@code name} and opens a database on it. */
    ScratchSpace create(Database live, String name);

    /** Removes the space {@code name} if it exists; nothing for spaces that vanish by themselves. */
    void drop(Database live, String name);

    /** The names of existing spaces that start with {@code prefix}; none where spaces do not outlive a run. */
    List<String> existing(Database live, String prefix);
}
