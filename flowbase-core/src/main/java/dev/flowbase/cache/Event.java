package dev.flowbase.cache;

/**
 * Something that happened, as the event stream delivers it.
 *
 * @param id increasing within one bus ({@code <millis>-<sequence>}, as Redis stream ids are), the
 *     {@code Last-Event-ID} a client resumes from
 * @param type what happened, such as {@code task.succeeded}
 * @param organization the organization it belongs to, which decides who may see it; null for none
 * @param data the event's JSON
 */
public record Event(String id, String type, String organization, String data) {
    /** Whether {@code a} comes after {@code b}; an id that is not one of ours comes before every id. */
    public static boolean after(String a, String b) {
        long[] x = parse(a);
        long[] y = parse(b);
        return x[0] != y[0] ? x[0] > y[0] : x[1] > y[1];
    }

    private static long[] parse(String id) {
        if (id != null) {
            int dash = id.indexOf('-');
            try {
                if (dash > 0) {
                    return new long[] {Long.parseLong(id.substring(0, dash)), Long.parseLong(id.substring(dash + 1))};
                }
            } catch (NumberFormatException e) {
                // not ours: before every id
            }
        }
        return new long[] {-1, -1};
    }
}
