package dev.flowbase.engines.sqlite;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.db.Database;
import dev.flowbase.schema.ScratchSpace;
import dev.flowbase.schema.ScratchSpaces;
import java.util.List;

/** An in-memory SQLite database: gone as soon as its one connection closes, so nothing outlives a run. */
final class SqliteScratch implements ScratchSpaces {

    @Override
    public ScratchSpace create(Database live, String name) {
        Database memory = Database.open(DatabaseConfig.fromUrl("sqlite::memory:"));
        return ScratchSpace.of(memory, () -> {});
    }

    @Override
    public void drop(Database live, String name) {}

    @Override
    public List<String> existing(Database live, String prefix) {
        return List.of();
    }
}
