package dev.flowbase.backup;

import java.util.List;

/**
 * What a restore needs to create a user's own table on any engine: its primary key and its columns
 * that refuse NULL. Foreign keys, indexes, defaults and checks are not carried (docs/backup.md).
 */
public record UserTable(List<String> primaryKey, List<String> notNull) {
    public UserTable {
        primaryKey = List.copyOf(primaryKey);
        notNull = List.copyOf(notNull);
    }
}
