package dev.flowbase.migrate;

import java.util.Locale;

/**
 * The moments a callback can run at, named as Flyway names its callback files
 * ({@code beforeMigrate.sql}, {@code afterEachRollback.sql}, …).
 *
 * <p>The {@code …Each…} events run inside the transaction of their script where the script has
 * one, so a failing {@code beforeEachMigrate} rolls the script back; the others run in a
 * transaction of their own. {@code …Error} events run after a failure, once it was rolled back.
 */
public enum MigrationEvent {
    BEFORE_MIGRATE,
    BEFORE_EACH_MIGRATE,
    AFTER_EACH_MIGRATE,
    AFTER_MIGRATE,
    AFTER_MIGRATE_ERROR,
    BEFORE_ROLLBACK,
    BEFORE_EACH_ROLLBACK,
    AFTER_EACH_ROLLBACK,
    AFTER_ROLLBACK,
    AFTER_ROLLBACK_ERROR,
    BEFORE_VALIDATE,
    AFTER_VALIDATE;

    /** The file name's stem: {@code beforeEachMigrate}. */
    public String fileStem() {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : name().toLowerCase(Locale.ROOT).toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }

    /** The event a callback file is for, from its name ({@code beforeMigrate__vacuum.sql} too); null for others. */
    static MigrationEvent ofFile(String fileName) {
        if (!fileName.endsWith(".sql")) {
            return null;
        }
        String stem = fileName.substring(0, fileName.length() - 4);
        int separator = stem.indexOf("__");
        String event = separator < 0 ? stem : stem.substring(0, separator);
        for (MigrationEvent e : values()) {
            if (e.fileStem().equals(event)) {
                return e;
            }
        }
        return null;
    }

    /** The event of each script, for a script of this type. */
    static MigrationEvent beforeEach(MigrationType type) {
        return type == MigrationType.UNDO ? BEFORE_EACH_ROLLBACK : BEFORE_EACH_MIGRATE;
    }

    static MigrationEvent afterEach(MigrationType type) {
        return type == MigrationType.UNDO ? AFTER_EACH_ROLLBACK : AFTER_EACH_MIGRATE;
    }
}
