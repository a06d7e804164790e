package dev.flowbase.store;

import java.time.Instant;
import java.util.UUID;

/** A row that lists page through by keyset: its creation time, then its id. */
interface Listed {
    UUID id();

    Instant createdAt();
}
