package dev.flowbase.migrate;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a statement writes nothing, so that running it again after a runner died during it is
 * harmless: a query ({@code SELECT}, {@code VALUES}, {@code SHOW}, {@code EXPLAIN} without
 * {@code ANALYZE}) with no {@code INTO}, no row locks, no data-changing part, calling only functions
 * known to change nothing. A function of the user's own ({@code SELECT make_partitions(12)}) may
 * write anything, so such a statement stays in doubt; when unsure, the answer is no.
 */
final class ReadOnlyStatement {
    private static final Pattern QUERY = Pattern.compile("(?is)\\s*(SELECT|VALUES|SHOW|EXPLAIN)\\b.*");
    private static final Pattern WRITES = Pattern.compile(
            "(?i)\\b(INTO|INSERT|UPDATE|DELETE|MERGE|REPLACE|UPSERT|FOR\\s+(?:NO\\s+KEY\\s+)?(?:UPDATE|SHARE)"
                    + "|LOCK|ANALYZE|ANALYSE|CREATE|DROP|ALTER|TRUNCATE|GRANT|REVOKE|CALL|DO|COPY|SET)\\b");
    private static final Pattern CALL = Pattern.compile("([A-Za-z_][A-Za-z0-9_.$]*)\\s*\\(");
    /**
     * Functions that change nothing on any engine (sleeps included: they only wait), and the
     * keywords that a parenthesis may follow.
     */
    private static final Set<String> HARMLESS = Set.of(
            "pg_sleep",
            "sleep",
            "count",
            "sum",
            "min",
            "max",
            "avg",
            "coalesce",
            "nullif",
            "ifnull",
            "length",
            "lower",
            "upper",
            "abs",
            "round",
            "now",
            "current_timestamp",
            "version",
            "current_database",
            "current_schema",
            "database",
            "current_user",
            "exists",
            "cast",
            "in",
            "and",
            "or",
            "not",
            "from",
            "select",
            "where",
            "on",
            "as",
            "values",
            "pg_catalog.pg_sleep",
            "pg_catalog.count",
            "pg_catalog.now",
            "pg_catalog.version");

    private ReadOnlyStatement() {}

    static boolean is(String sql) {
        if (!QUERY.matcher(sql).matches() || WRITES.matcher(sql).find()) {
            return false;
        }
        Matcher call = CALL.matcher(sql);
        while (call.find()) {
            if (!HARMLESS.contains(call.group(1).toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }
}
