package dev.flowbase.store;

/**
 * A row with an optimistic-lock counter: an update names the version it read and is refused when
 * someone changed the row since ({@link ConflictException}). The HTTP API shows it as the ETag.
 */
public interface Versioned {
    int lockVersion();
}
