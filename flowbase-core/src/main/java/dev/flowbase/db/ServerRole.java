package dev.flowbase.db;

/**
 * Which server a connection reached and its role there: with several hosts in a URL, the one the
 * driver chose. The address is for the operator's own command line; answers over HTTP tell the role only.
 *
 * @param role {@code primary} or {@code standby}
 * @param address {@code host:port}
 */
public record ServerRole(String role, String address) {
    public String describe(boolean withAddress) {
        return withAddress ? role + " at " + address : role;
    }
}
