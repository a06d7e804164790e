package dev.flowbase.search;

import java.time.Instant;

/** A failed attempts' error message (its first 200 characters), how often, and when last. */
public record ErrorCount(String message, long count, Instant last) {}
