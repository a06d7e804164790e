package dev.flowbase.bench;

import java.nio.file.Path;

/** A migration tool under measurement. Each call opens its own connection(s) and closes them, as a fresh run would. */
interface Tool {
    String name();

    /** Applies every pending migration in {@code dir}; returns how many it applied. */
    int migrate(BenchDatabase db, Path dir);

    /** Checks the applied migrations against {@code dir}; fails when they do not match. */
    void validate(BenchDatabase db, Path dir);
}
