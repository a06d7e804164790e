package dev.flowbase.backup;

/** A column of a backed-up table, by name and neutral kind. */
public record Column(String name, ColumnKind kind) {}
