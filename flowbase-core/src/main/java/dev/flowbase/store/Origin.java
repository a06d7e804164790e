package dev.flowbase.store;

/**
 * Where a change came from, kept with its audit row: the request's id (also in the server's log and
 * the response), the client's address and its user agent. All may be null outside a request.
 */
public record Origin(String requestId, String ipAddress, String userAgent) {
    public static final Origin NONE = new Origin(null, null, null);

    public Origin {
        userAgent = userAgent == null || userAgent.length() <= 500 ? userAgent : userAgent.substring(0, 500);
    }
}
