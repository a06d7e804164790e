package dev.flowbase.backup;

/**
 * A column of a user's own table ({@code backup create --all}): its name, the type the engine declares,
 * its neutral kind (null where the type has none the archive can carry) and whether it takes NULL.
 */
public record UserColumn(String name, String type, ColumnKind kind, boolean nullable) {}
