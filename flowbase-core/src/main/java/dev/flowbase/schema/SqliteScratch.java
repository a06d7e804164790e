package dev.flowbase.schema;

import dev.flowbase.db.Database;

/** An in-memory SQLite database: gone as soon as its one connection closes. */
record SqliteScratch(Database database) implements ScratchSpace {
    @Override
    public void close() {
        database.close();
    }
}
