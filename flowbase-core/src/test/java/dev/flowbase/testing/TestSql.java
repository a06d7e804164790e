package dev.flowbase.testing;

import dev.flowbase.db.Database;

/** Statements a test runs by hand, failing as Flowbase would: with a classified {@link dev.flowbase.db.DatabaseException}. */
public final class TestSql {
    private TestSql() {}

    public static void exec(Database db, String... statements) {
        db.execute("Test statement", statements);
    }
}
