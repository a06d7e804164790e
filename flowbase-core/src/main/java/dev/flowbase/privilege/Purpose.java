package dev.flowbase.privilege;

import java.util.Locale;

/** What a database user is for; its name is the prefix and this suffix ({@code flowbase_app}). */
public enum Purpose {
    /** Owns Flowbase's tables and runs the migrations: {@code flowbase migrate up} connects as it. */
    OWNER("owner", "owns the tables; run migrations as it"),
    /** Reads and writes rows only: {@code flowbase serve} connects as it. */
    APP("app", "SELECT, INSERT, UPDATE, DELETE on Flowbase's tables; serve as it"),
    /** Reads only: reports, dashboards, people looking. */
    READ_ONLY("readonly", "SELECT on Flowbase's tables");

    private final String suffix;
    private final String grants;

    Purpose(String suffix, String grants) {
        this.suffix = suffix;
        this.grants = grants;
    }

    public String userName(String prefix) {
        return prefix + "_" + suffix;
    }

    /** What the user may do, in words, for the command's output. */
    public String grants() {
        return grants;
    }

    /** As the output names it: {@code owner}, {@code app}, {@code read-only}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
