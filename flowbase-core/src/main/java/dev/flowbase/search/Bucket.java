package dev.flowbase.search;

import dev.flowbase.error.InvalidFieldException;
import java.util.Locale;

/** The width of a time bucket in a trend. */
public enum Bucket {
    MINUTE,
    HOUR,
    DAY;

    public static Bucket named(String field, String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "'" + text + "'", "minute, hour or day");
        }
    }
}
